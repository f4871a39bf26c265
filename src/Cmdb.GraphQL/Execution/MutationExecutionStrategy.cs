using GraphQL.Execution;

namespace Cmdb.GraphQL.Execution;

/// <summary>
/// Executes each root mutation field with its whole result (data-loader fields included) before starting the next.
/// GraphQL.NET's serial strategy defers data-loader fields until every root field has run, so a mutation's result
/// could otherwise show writes made by mutations after it in the same request.
/// </summary>
public sealed class MutationExecutionStrategy : SerialExecutionStrategy
{
    public override async Task ExecuteNodeTreeAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode rootNode)
    {
        if (rootNode is not RootExecutionNode root)
        {
            await base.ExecuteNodeTreeAsync(context, rootNode);
            return;
        }

        var fields = new List<ExecutionNode>();
        root.ApplyToChildren((node, list) => list.Add(node), fields);
        foreach (var field in fields) await base.ExecuteNodeTreeAsync(context, field);
    }
}
