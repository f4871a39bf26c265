using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.Queries;

/// <summary>
/// Look-ahead for <c>ci(id){ neighbours { ci { ... } } }</c>: the neighbours of the start are known from the graph
/// index before the start's own row is read, so their CIs are queued on the same loader batch as the start, and the
/// request reads the store once instead of twice (a read's fixed cost is most of what reading one CI costs). They are
/// queued on the loader the neighbours' <c>ci</c> field will use: the header loader when it selects only id, class and name.
/// </summary>
/// <remarks>
/// Only the plain shape is looked ahead: a <c>neighbours</c> field selected directly (no fragment, no directive) with at
/// most a literal <c>depth</c>, selecting <c>ci</c>. Anything else is left to the normal path, as is everything when
/// the index is not at hand synchronously. A prefetch can only be too wide, never wrong: the loader serves the
/// <c>ci</c> fields from the batch it already holds and fetches any CI it lacks (say a neighbour added in between).
/// </remarks>
public static class NeighbourPrefetch
{
    /// <summary>Queues the neighbours' CIs; true when some were queued on the whole-CI loader (so the start may as well be read there).</summary>
    public static bool Queue(IResolveFieldContext context, ICmdbStore store, PageLoaders loaders, string ciId, DateTimeOffset? asOf, int maxDepth)
    {
        var queuedWhole = false;
        if (context.FieldAst.SelectionSet is not { } selections) return queuedWhole;
        foreach (var selection in selections.Selections)
        {
            if (selection is not GraphQLField { Directives: null } field || field.Name != "neighbours") continue;
            var (headers, whole) = CiLoaders(field);
            if (!headers && !whole) continue;
            if (PlainDepth(field, maxDepth) is not { } depth) continue;
            var pending = store.GetGraphAsync([ciId], context.CancellationToken);
            if (!pending.IsCompletedSuccessfully) return queuedWhole;
            var (headerLoader, ciLoader) = (headers ? loaders.Headers : null, whole ? loaders.Cis : null);
            queuedWhole |= whole;
            var reached = Neighbours.Reach(pending.Result, ciId, asOf, depth, null, Direction.Both);
            headerLoader?.Reserve(reached.Count);
            ciLoader?.Reserve(reached.Count);
            foreach (var id in reached)
            {
                var key = new CiKey(id, asOf);
                headerLoader?.Load(key);
                ciLoader?.Load(key);
            }
        }

        return queuedWhole;
    }

    /// <summary>
    /// The loader a neighbour's <c>ci</c> field reads through: the header loader when it selects nothing a header lacks
    /// (<see cref="CiSelection.IsHeaderOnly(IResolveFieldContext)"/>), as <see cref="Queue"/> assumes.
    /// </summary>
    public static BatchLoader<CiKey, ConfigurationItem> LoaderFor(IResolveFieldContext context, PageLoaders? loaders) =>
        CiSelection.IsHeaderOnly(context) ? loaders?.Headers ?? context.CiHeaderLoader() : loaders?.Cis ?? context.CiLoader();

    /// <summary>Which loaders the <c>ci</c> selections of <paramref name="neighbours"/> will read through.</summary>
    private static (bool Headers, bool Whole) CiLoaders(GraphQLField neighbours)
    {
        var (headers, whole) = (false, false);
        if (neighbours.SelectionSet is not { } selections) return (headers, whole);
        foreach (var selection in selections.Selections)
        {
            if (selection is not GraphQLField f || f.Name != "ci") continue;
            if (CiSelection.IsPlainHeaderOnly(f)) headers = true;
            else whole = true;
        }

        return (headers, whole);
    }

    /// <summary>The depth when the field has no argument but a literal <c>depth</c> within range; null otherwise.</summary>
    private static int? PlainDepth(GraphQLField field, int maxDepth)
    {
        if (field.Arguments is not { Items.Count: > 0 } arguments) return 1;
        if (arguments.Items.Count != 1 || arguments.Items[0] is not { Value: GraphQLIntValue literal } argument || argument.Name != "depth") return null;
        return int.TryParse(literal.Value.Span, out var depth) && depth >= 1 && depth <= maxDepth ? depth : null;
    }
}
