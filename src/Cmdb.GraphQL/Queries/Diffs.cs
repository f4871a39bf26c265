using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Queries;

/// <summary>Reads a CI and its relationships at two moments and compares them with <see cref="CiDiffer"/>.</summary>
public static class Diffs
{
    public static async Task<CiDiff> ReadAsync(ICmdbStore store, string ciId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (from > to) throw CmdbException.Invalid($"from ({from:O}) must not be after to ({to:O}).", "from");
        var before = await store.GetCisAsync([ciId], from, cancellationToken);
        var after = await store.GetCisAsync([ciId], to, cancellationToken);
        if (before.Count == 0 && after.Count == 0)
            throw CmdbException.NotFound($"CI {ciId} did not exist at {from:O} nor at {to:O}.");
        var relsBefore = await store.GetRelationshipsAsync([ciId], Direction.Both, null, from, cancellationToken);
        var relsAfter = await store.GetRelationshipsAsync([ciId], Direction.Both, null, to, cancellationToken);
        return CiDiffer.Diff(
            ciId, from, to, before.GetValueOrDefault(ciId), after.GetValueOrDefault(ciId),
            relsBefore.GetValueOrDefault(ciId) ?? [], relsAfter.GetValueOrDefault(ciId) ?? []);
    }
}
