using Cmdb.Domain.Graph;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.Queries;

/// <summary>
/// Look-ahead for <c>ci(id){ neighbours { ci { ... } } }</c>: the neighbours of the start are known from the graph
/// index before the start's own row is read, so their CIs are queued on the same loader batch as the start, and the
/// request reads the store once instead of twice (a read's fixed cost is most of what reading one CI costs).
/// </summary>
/// <remarks>
/// Only the plain shape is looked ahead: a <c>neighbours</c> field selected directly (no fragment, no directive) with at
/// most a literal <c>depth</c>, selecting <c>ci</c>. Anything else is left to the normal path, as is everything when
/// the index is not at hand synchronously. A prefetch can only be too wide, never wrong: the loader serves the
/// <c>ci</c> fields from the batch it already holds and fetches any CI it lacks (say a neighbour added in between).
/// </remarks>
public static class NeighbourPrefetch
{
    public static void Queue(IResolveFieldContext context, ICmdbStore store, CiLoader loader, string ciId, DateTimeOffset? asOf, int maxDepth)
    {
        if (context.FieldAst.SelectionSet is not { } selections) return;
        foreach (var selection in selections.Selections)
        {
            if (selection is not GraphQLField { Directives: null } field || field.Name != "neighbours" || !SelectsCi(field)) continue;
            if (PlainDepth(field, maxDepth) is not { } depth) continue;
            var pending = store.GetGraphAsync([ciId], context.CancellationToken);
            if (!pending.IsCompletedSuccessfully) return;
            foreach (var id in Neighbours.Reach(pending.Result, ciId, asOf, depth, null, Direction.Both)) loader.Load(new CiKey(id, asOf));
        }
    }

    private static bool SelectsCi(GraphQLField neighbours) =>
        neighbours.SelectionSet?.Selections.Any(s => s is GraphQLField f && f.Name == "ci") == true;

    /// <summary>The depth when the field has no argument but a literal <c>depth</c> within range; null otherwise.</summary>
    private static int? PlainDepth(GraphQLField field, int maxDepth)
    {
        if (field.Arguments is not { Items.Count: > 0 } arguments) return 1;
        if (arguments.Items.Count != 1 || arguments.Items[0] is not { Value: GraphQLIntValue literal } argument || argument.Name != "depth") return null;
        return int.TryParse(literal.Value.Span, out var depth) && depth >= 1 && depth <= maxDepth ? depth : null;
    }
}
