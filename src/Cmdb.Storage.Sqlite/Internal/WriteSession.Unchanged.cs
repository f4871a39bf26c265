using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

/// <remarks>
/// The in-memory answers for upserts that change nothing (a re-import). Each one either gives exactly the answer of the
/// ordinary path or declines (null / false), and the ordinary path then decides, errors and their paths included.
/// </remarks>
internal sealed partial class WriteSession
{
    /// <summary>As <see cref="CiRules.ValidateIdentifier"/> at <c>path.field</c>, building that path only to report an error.</summary>
    private static void ValidateIdentifier(string scheme, string value, string? path, string field)
    {
        try
        {
            CiRules.ValidateIdentifier(scheme, value, null);
        }
        catch (CmdbException)
        {
            CiRules.ValidateIdentifier(scheme, value, CiPath(path, field)); // throws the same error, with its path
            throw;
        }
    }

    /// <summary>
    /// The CI's version when the write would change nothing, decided in memory from its fingerprint; null when that
    /// cannot be decided so (the ordinary path then compares the stored CI). This batch's own writes are not in the
    /// fingerprints yet, so a CI it already wrote always takes the ordinary path.
    /// </summary>
    private long? UnchangedVersion(CiClass ciClass, int node, CiFields fields, string? path)
    {
        if (ciClass.Abstract || !_fingerprints.IsKnown(node)) return null;
        var digest = _ahead.Known ? _ahead.Digest : _sql.Fingerprint.Of(ciClass.Name, fields);
        if (digest is not { } d || !_fingerprints.Matches(node, d, out var version)) return null;
        var required = _model.RequiredAttributes(ciClass);
        for (var i = 0; i < required.Count; i++) // by index: the interface's enumerator is a boxed object per upsert
        {
            if (fields.Attributes?[required[i]] is null) return null;
        }

        // As the ordinary path would; equal values passed it when they were stored. Fields found valid ahead need not be
        // checked again; invalid ones are checked here, for the error and its path.
        if (!(_ahead.Known && _ahead.Valid)) CiRules.Validate(fields, path);
        return version;
    }

    /// <summary>The index node and class of a reference by identifier that the committed map resolves; false otherwise.</summary>
    private bool NodeOf(CiRef reference, out int node, out CiClass ciClass)
    {
        node = -1;
        ciClass = null!;
        if (reference.Id is not null || string.IsNullOrWhiteSpace(reference.Scheme) || string.IsNullOrEmpty(reference.Value)) return false;
        try
        {
            CiRules.ValidateIdentifier(reference.Scheme, reference.Value, null);
        }
        catch (CmdbException)
        {
            return false; // the ordinary path refuses it, with the path
        }

        if (_identifierOverlay.Count > 0 && _identifierOverlay.ContainsKey((reference.Scheme, reference.Value))) return false;
        if (!_identifiers.TryGetNode(reference.Scheme, reference.Value, out node)) return false;
        if (_graph.StateAt(node, int.MaxValue) is not { } state) return false;
        ciClass = _model.Classes[state.ClassIndex];
        return true;
    }
}
