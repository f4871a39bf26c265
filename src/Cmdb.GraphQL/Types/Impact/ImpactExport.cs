using Cmdb.Domain.Impact.Export;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>Writes a result's subgraph in an export format, labelled with the CIs' names.</summary>
public static class ImpactExport
{
    /// <summary>The index holds no names, so they are read in one store call (names only, no documents), at the result's moment.</summary>
    public static async Task<string> WriteAsync(
        ICmdbStore store, Subgraph subgraph, DateTimeOffset? asOf, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subgraph);
        var cis = await store.GetCiHeadersAsync(subgraph.Nodes.Select(n => n.CiId).ToArray(), asOf, cancellationToken);
        var labelled = subgraph.WithLabels(id => cis.TryGetValue(id, out var ci) ? ci.Name : null);
        return format switch
        {
            ExportFormat.Dot => GraphExport.ToDot(labelled),
            ExportFormat.Mermaid => GraphExport.ToMermaid(labelled),
            _ => GraphExport.ToJson(labelled, indented: false),
        };
    }
}
