using GraphQL;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// What a CI or relationship field's selection needs, so a page that shows only names can skip whole-document reads.
/// </summary>
/// <remarks>
/// Reads the collected sub-fields (fragments expanded, <c>@skip</c>/<c>@include</c> applied, repeated fields merged),
/// so any field outside the short lists below sends the read down the normal, whole-document path.
/// </remarks>
public static class CiSelection
{
    /// <summary>True when the CI field selects nothing but <c>id</c>, <c>class</c>, <c>name</c> (and <c>__typename</c>).</summary>
    public static bool IsHeaderOnly(IResolveFieldContext context) => Only(context, static n => n is "id" or "class" or "name" or "__typename");

    /// <summary>True when the relationship field selects nothing but <c>id</c>, <c>type</c>, <c>wording</c> (and <c>__typename</c>).</summary>
    public static bool IsKeyOnly(IResolveFieldContext context) => Only(context, static n => n is "id" or "type" or "wording" or "__typename");

    /// <summary>
    /// True when every selection of the sub-field named <paramref name="name"/> (aliases included) selects nothing but
    /// id, class and name as plain fields; false when it is not selected or uses fragments or directives.
    /// </summary>
    public static bool IsHeaderOnly(IResolveFieldContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubFields is not { Count: > 0 } fields) return false;
        var found = false;
        foreach (var (_, (field, definition)) in fields)
        {
            if (definition.Name != name) continue;
            if (field.SelectionSet is not { } selections || !selections.Selections.All(IsHeaderField)) return false;
            found = true;
        }

        return found;
    }

    private static bool IsHeaderField(ASTNode selection) =>
        selection is GraphQLField { Directives: null or { Items.Count: 0 }, Arguments: null or { Items.Count: 0 } } f
        && f.Name.Value.Span is "id" or "class" or "name" or "__typename";

    private static bool Only(IResolveFieldContext context, Func<string, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubFields is not { Count: > 0 } fields) return false;
        foreach (var (_, (_, definition)) in fields)
        {
            if (!allowed(definition.Name)) return false;
        }

        return true;
    }
}
