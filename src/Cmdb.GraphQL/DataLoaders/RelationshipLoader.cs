using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// Loads the relationships of many CIs: one <see cref="ICmdbStore.GetRelationshipsAsync"/> per distinct
/// (direction, types, moment) in a batch, which in a query is almost always one.
/// </summary>
public sealed class RelationshipLoader(ICmdbStore store) : BatchLoader<RelationshipKey, IReadOnlyList<Relationship>>
{
    protected override async Task<IReadOnlyDictionary<RelationshipKey, IReadOnlyList<Relationship>>> FetchAsync(
        IReadOnlyList<RelationshipKey> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<RelationshipKey, IReadOnlyList<Relationship>>();
        foreach (var group in keys.GroupBy(k => (k.Direction, k.Types, k.AsOf)))
        {
            var ids = group.Select(k => k.CiId).Distinct(StringComparer.Ordinal).ToArray();
            var found = await store.GetRelationshipsAsync(ids, group.Key.Direction, group.First().TypeList, group.Key.AsOf, cancellationToken);
            foreach (var key in group) result[key] = found.TryGetValue(key.CiId, out var list) ? list : [];
        }

        return result;
    }
}
