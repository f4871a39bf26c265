using GraphQL.Validation;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.Validation;

/// <summary>
/// Refuses documents with more aliased fields than <see cref="CmdbGraphQLOptions.MaxAliases"/>. Aliases let one
/// request repeat an expensive field many times at the same depth, which depth and complexity limits judge poorly.
/// </summary>
public sealed class AliasLimitRule(int maxAliases) : IValidationRule
{
    /// <summary>The value of <c>extensions.reason</c> in the error.</summary>
    public const string Reason = "ALIAS_LIMIT";

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is IHasSelectionSetNode { SelectionSet: { } set }) count += Count(set);
        }

        if (count > maxAliases)
        {
            context.ReportError(new ValidationError(
                context.Document.Source, Reason,
                $"The document uses {count} aliases; at most {maxAliases} are allowed. Split it into several requests.")
            {
                Code = Reason,
            });
        }

        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    private static int Count(GraphQLSelectionSet set)
    {
        var count = 0;
        foreach (var selection in set.Selections)
        {
            if (selection is GraphQLField { Alias: not null }) count++;
            if (selection is IHasSelectionSetNode { SelectionSet: { } inner }) count += Count(inner);
        }

        return count;
    }
}
