using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Storage;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>
/// Runs the impact questions of the schema: reads the topology from the store, turns the field's arguments into an
/// <see cref="ImpactScope"/> and asks the <see cref="ImpactAnalyzer"/>. The analyzer checks every argument and throws
/// <c>CmdbException</c>s the error provider turns into VALIDATION / NOT_FOUND.
/// </summary>
public static class ImpactQueries
{
    public static async Task<ImpactResultNode> ImpactAsync(
        ICmdbStore store, IResolveFieldContext context, IReadOnlyCollection<string> ciIds, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync(ciIds, cancellationToken);
        // Read only while the request executes: disposed after it, so the next call reuses its arrays.
        return new ImpactResultNode(ImpactResultLifetime.Owned(Analyzer(context).Impact(graph, ciIds, Scope(context, graph, asOf))), asOf);
    }

    public static async Task<DependencyResultNode> DependenciesAsync(
        ICmdbStore store, IResolveFieldContext context, string ciId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync([ciId], cancellationToken);
        return new DependencyResultNode(Analyzer(context).Dependencies(graph, ciId, Scope(context, graph, asOf)), asOf);
    }

    public static async Task<IEnumerable<DependencyPathNode>> PathsAsync(
        ICmdbStore store, IResolveFieldContext context, string from, string to, int count, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync([from, to], cancellationToken);
        var paths = Analyzer(context).Paths(graph, from, to, count, Scope(context, graph, asOf));
        return paths.Select(p => new DependencyPathNode(p, asOf));
    }

    public static async Task<IEnumerable<SinglePointOfFailureNode>> SinglePointsOfFailureAsync(
        ICmdbStore store, IResolveFieldContext context, string serviceId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync([serviceId], cancellationToken);
        var result = Analyzer(context).SinglePointsOfFailure(graph, serviceId, Scope(context, graph, asOf));
        return result.Items.Select((item, i) => new SinglePointOfFailureNode(item, i + 1, asOf));
    }

    /// <summary>The analyzer of the host (a singleton registered by <c>AddCmdbImpact</c>).</summary>
    public static ImpactAnalyzer Analyzer(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services();
        return services.GetRequiredService<ImpactAnalyzer>();
    }

    /// <summary>The scope from whichever scope arguments the field declares; the others keep their defaults.</summary>
    private static ImpactScope Scope(IResolveFieldContext context, GraphIndex graph, DateTimeOffset? asOf) => new()
    {
        MaxDepth = context.GetArgument<int?>(ImpactArguments.MaxDepth),
        RelationshipTypes = context.GetArgument<string[]?>(ImpactArguments.RelationshipTypes),
        Environments = context.GetArgument<string[]?>(ImpactArguments.Environments),
        IncludeRetired = context.GetArgument(ImpactArguments.IncludeRetired, false),
        AsOfSeq = asOf is null ? null : graph.Commits.Resolve(asOf),
    };
}
