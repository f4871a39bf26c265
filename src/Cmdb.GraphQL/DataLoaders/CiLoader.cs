using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>Loads CIs by id: one <see cref="ICmdbStore.GetCisAsync"/> per distinct moment in a batch.</summary>
public sealed class CiLoader(ICmdbStore store) : BatchLoader<CiKey, ConfigurationItem>
{
    protected override async Task<IReadOnlyDictionary<CiKey, ConfigurationItem>> FetchAsync(
        IReadOnlyList<CiKey> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<CiKey, ConfigurationItem>();
        foreach (var group in keys.GroupBy(k => k.AsOf))
        {
            var ids = group.Select(k => k.Id).Distinct(StringComparer.Ordinal).ToArray();
            var found = await store.GetCisAsync(ids, group.Key, cancellationToken);
            foreach (var key in group)
            {
                if (found.TryGetValue(key.Id, out var ci)) result[key] = ci;
            }
        }

        return result;
    }
}
