using Cmdb.Domain.Impact;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>
/// Builds the business services of an impact result. A typical application reaches hundreds, so when their <c>ci</c>
/// selects only id, class and name, those are read for the whole list at once and handed to each service, instead
/// of one loader result (and one execution step) per service.
/// </summary>
public static class ImpactServices
{
    public static async Task<IReadOnlyList<ImpactedServiceNode>> ReadAsync(
        IResolveFieldContext context, IReadOnlyList<ImpactedService> services, DateTimeOffset? asOf)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loaders = PageLoaders.Of(context);
        var nodes = new ImpactedServiceNode[services.Count];
        if (services.Count == 0 || !CiSelection.IsHeaderOnly(context, "ci"))
        {
            for (var i = 0; i < nodes.Length; i++) nodes[i] = new ImpactedServiceNode(services[i], asOf) { Loaders = loaders };
            return nodes;
        }

        var keys = new CiKey[services.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = new CiKey(services[i].CiId, asOf);
        var cis = await loaders.Headers.LoadManyAsync(keys, context.CancellationToken);
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new ImpactedServiceNode(services[i], asOf) { Loaders = loaders, Ci = cis[i] is { } ci ? new CiNode(ci, asOf) : null };
        }

        return nodes;
    }
}
