using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>Reads CIs named by id for change fields, in the order given, skipping ids no longer stored.</summary>
internal static class ChangeCis
{
    public static async Task<IEnumerable<CiNode>> ReadAsync(ICmdbStore store, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var cis = await store.GetCisAsync(ids, null, cancellationToken);
        return ids.Where(cis.ContainsKey).Select(id => new CiNode(cis[id], null));
    }
}
