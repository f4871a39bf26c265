using Cmdb.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Runs a GraphQL request in the request's DI scope, as the request's actor, cancelled when the client goes away.</summary>
internal static class GraphQLRequestExecutor
{
    public static async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLHttpRequest request)
    {
        var services = context.RequestServices;
        var actor = await services.GetRequiredService<IRequestActorResolver>().ResolveAsync(context, context.RequestAborted);
        var executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        return await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = request.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = context.User,
            UserContext = new Dictionary<string, object?> { [CmdbUserContext.ActorKey] = actor },
            CancellationToken = context.RequestAborted,
        });
    }
}
