using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.Validation;

/// <summary>
/// Lets pure introspection operations past the depth and complexity limits: the standard introspection query is
/// about 15 levels deep, and GraphiQL and client generators must be able to run it.
/// </summary>
public static class IntrospectionExemption
{
    public static Task Apply(ComplexityValidationContext context)
    {
        if (context.Error is not null && IsIntrospectionOnly(context.ValidationContext.Operation)) context.Error = null;
        return Task.CompletedTask;
    }

    /// <summary>True when every top-level selection is a meta field (<c>__schema</c>, <c>__type</c>, <c>__typename</c>).</summary>
    public static bool IsIntrospectionOnly(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
}
