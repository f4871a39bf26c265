using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// Loads only the id, class and name of CIs (<see cref="ICmdbStore.GetCiHeadersAsync"/>), for fields whose selection
/// asks for nothing else (see <see cref="CiSelection"/>): one read per distinct moment in a batch, no document parsed.
/// </summary>
/// <remarks>
/// The values are <see cref="ConfigurationItem"/>s with only those three fields filled in. They are handed only to
/// selections that read nothing else but the CI's id and read moment (see <see cref="CiSelection.IsHeaderOnly(GraphQL.IResolveFieldContext)"/>),
/// and are cached apart from <see cref="CiLoader"/>'s whole CIs.
/// </remarks>
public sealed class CiHeaderLoader(ICmdbStore store) : BatchLoader<CiKey, ConfigurationItem>
{
    private static readonly Dictionary<string, string> NoIdentifiers = [];
    private static readonly Dictionary<string, AttributeProvenance> NoProvenance = [];

    protected override async Task<IReadOnlyDictionary<CiKey, ConfigurationItem>> FetchAsync(
        IReadOnlyList<CiKey> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<CiKey, ConfigurationItem>(keys.Count);
        foreach (var group in keys.GroupBy(k => k.AsOf))
        {
            var ids = group.Select(k => k.Id).Distinct(StringComparer.Ordinal).ToArray();
            var found = await store.GetCiHeadersAsync(ids, group.Key, cancellationToken);
            foreach (var key in group)
            {
                if (found.TryGetValue(key.Id, out var header)) result[key] = Partial(header);
            }
        }

        return result;
    }

    private static ConfigurationItem Partial(CiHeader h) => new(
        h.Id, h.Class, h.Name, default, null, null, null, null, [], new JsonObject(), NoIdentifiers, null, NoProvenance, [], default, default, 0);
}
