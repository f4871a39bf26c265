using System.Globalization;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.DataLoader;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>
/// Turns the ids an impact result holds into CIs and relationships through the per-request batch loaders, so a page of
/// items (and their paths) costs one store read per level, not one per item.
/// </summary>
public static class ImpactLoads
{
    /// <summary>The CI as of <paramref name="asOf"/>, batched with every other CI wanted on the same level.</summary>
    /// <remarks>
    /// A selection of only id, class and name is served from the lean <see cref="CiHeaderLoader"/>. Pass the
    /// <paramref name="loaders"/> the node carries, so the request's loaders are not looked up again for each CI.
    /// </remarks>
    public static IDataLoaderResult<CiNode?> Ci(IResolveFieldContext context, string ciId, DateTimeOffset? asOf, PageLoaders? loaders = null) =>
        (loaders ?? PageLoaders.Of(context)).Ci(context, ciId, asOf);

    /// <summary>
    /// The relationship a path step crosses. It is looked up among its source's outgoing relationships (the batch
    /// loader reads those for every step of the level at once; outgoing lists stay short even for hubs).
    /// </summary>
    /// <remarks>
    /// A selection of only id, type and wording needs no read: the step already holds the relationship's key and type,
    /// which is what the read would return (a relationship is found by id even after its removal).
    /// </remarks>
    public static IDataLoaderResult<RelationshipNode?> Relationship(IResolveFieldContext context, ICmdbStore store, PathStepNode node)
    {
        var id = node.Step.RelationshipKey.ToString(CultureInfo.InvariantCulture);
        if (CiSelection.IsKeyOnly(context))
        {
            var step = node.Step;
            var partial = new Relationship(id, step.RelationshipType, step.SourceCiId, step.TargetCiId, [], default, null, string.Empty);
            return new Ready(new RelationshipNode(partial, node.AsOf));
        }

        var outgoing = (node.Loaders?.Relationships ?? context.RelationshipLoader()).Load(RelationshipKey.Create(node.Step.SourceCiId, Direction.Outgoing, null, node.AsOf));
        return new StepRelationship(outgoing, id, store, node.AsOf);
    }

    /// <summary>
    /// Picks the step's relationship from its source's list. When a write removed it between the topology read and
    /// this read (only possible when reading "now"), it is read by id instead, removed or not.
    /// </summary>
    private sealed class StepRelationship(
        IDataLoaderResult<IReadOnlyList<Relationship>?> outgoing, string id, ICmdbStore store, DateTimeOffset? asOf) : IDataLoaderResult<RelationshipNode?>
    {
        public async Task<RelationshipNode?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var list = await outgoing.GetResultAsync(cancellationToken);
            var found = list?.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal))
                ?? await store.GetRelationshipAsync(id, cancellationToken);
            return found is null ? null : new RelationshipNode(found, asOf);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    /// <summary>A result known without a read.</summary>
    private sealed class Ready(RelationshipNode value) : IDataLoaderResult<RelationshipNode?>
    {
        public Task<RelationshipNode?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<RelationshipNode?>(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }
}
