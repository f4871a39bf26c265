using Cmdb.Domain.Errors;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Import;

/// <summary>
/// The identities claimed by the cis entries of one document. Two entries claiming the same identifier or id would
/// both resolve to one CI, which is almost always a mistake in the document, so it is refused naming both entries.
/// </summary>
internal sealed class CiIdentities
{
    private readonly Dictionary<(string Scheme, string Value), string> _identifiers = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.OrdinalIgnoreCase);

    public void Add(UpsertCi ci, string path)
    {
        if (ci.Id is not null && !_ids.TryAdd(ci.Id, path))
            throw CmdbException.Invalid($"{_ids[ci.Id]} and {path} both name the CI id {ci.Id}; a CI may appear only once.", $"{path}.id");
        foreach (var (scheme, value) in ci.Fields.Identifiers ?? new Dictionary<string, string>())
        {
            if (!_identifiers.TryAdd((scheme, value), path))
            {
                throw CmdbException.Invalid(
                    $"{_identifiers[(scheme, value)]} and {path} both carry the identifier {scheme}={StrictJson.Display(value)}; identifiers must be unique.",
                    $"{path}.identifiers.{scheme}");
            }
        }
    }
}
