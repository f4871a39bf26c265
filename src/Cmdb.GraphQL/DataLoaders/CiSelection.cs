using GraphQL;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// What a CI or relationship field's selection needs, so a page that shows only names can skip whole-document reads.
/// </summary>
/// <remarks>
/// A selection of plain fields (no fragment, no directive) is read straight from the field's syntax tree; anything else
/// from the collected sub-fields (fragments expanded, <c>@skip</c>/<c>@include</c> applied, repeated fields merged).
/// Any field outside the short lists below sends the read down the normal, whole-document path.
/// </remarks>
public static class CiSelection
{
    /// <summary>
    /// True when the CI field selects nothing but <c>id</c>, <c>class</c>, <c>name</c>, <c>asOf</c>, <c>__typename</c>
    /// and fields that read only the CI's id and read moment (its relationships, neighbours, history, events, incidents).
    /// </summary>
    public static bool IsHeaderOnly(IResolveFieldContext context) => Only(context, IsHeaderName);

    /// <summary>True when the relationship field selects nothing but <c>id</c>, <c>type</c>, <c>wording</c> (and <c>__typename</c>).</summary>
    public static bool IsKeyOnly(IResolveFieldContext context) => Only(context, IsKeyName);

    /// <summary>
    /// True when <paramref name="field"/> (a CI field in a syntax tree) selects only plain fields of the header set
    /// of <see cref="IsHeaderOnly(IResolveFieldContext)"/>; false when it uses fragments or directives.
    /// </summary>
    public static bool IsPlainHeaderOnly(GraphQLField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.SelectionSet is { } selections && PlainOnly(selections, IsHeaderName) == true;
    }

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

    private delegate bool NameFilter(ReadOnlySpan<char> name);

    private static bool IsHeaderName(ReadOnlySpan<char> name) =>
        name is "id" or "class" or "name" or "asOf" or "__typename" or "relationships" or "neighbours" or "history" or "events" or "incidents";

    private static bool IsKeyName(ReadOnlySpan<char> name) => name is "id" or "type" or "wording" or "__typename";

    private static bool IsHeaderField(ASTNode selection) =>
        selection is GraphQLField { Directives: null or { Items.Count: 0 }, Arguments: null or { Items.Count: 0 } } f
        && f.Name.Value.Span is "id" or "class" or "name" or "__typename";

    private static bool Only(IResolveFieldContext context, NameFilter allowed)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The syntax tree answers for plain selections without collecting sub-fields (a dictionary per resolved field).
        if (context.FieldAst.SelectionSet is { } selections && PlainOnly(selections, allowed) is { } plain) return plain;
        if (context.SubFields is not { Count: > 0 } fields) return false;
        foreach (var (_, (_, definition)) in fields)
        {
            if (!allowed(definition.Name)) return false;
        }

        return true;
    }

    /// <summary>Whether every selection is an allowed field; null when a fragment or directive needs the collected view.</summary>
    private static bool? PlainOnly(GraphQLSelectionSet selections, NameFilter allowed)
    {
        var any = false;
        foreach (var selection in selections.Selections)
        {
            if (selection is not GraphQLField { Directives: null or { Items.Count: 0 } } field) return null;
            if (!allowed(field.Name.Value.Span)) return false;
            any = true;
        }

        return any;
    }
}
