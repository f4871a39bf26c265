using Cmdb.GraphQL.Execution;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// The GraphQL-over-HTTP endpoint: GET for queries, POST for everything, with the spec's media types and status
/// codes (it passes the whole graphql-http audit suite; see <c>tests/audit</c>).
/// </summary>
internal static class GraphQLHttpEndpoint
{
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.Map(pattern, HandleAsync).WithDisplayName("GraphQL over HTTP");

    private static async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept);
        try
        {
            var request = await ReadAsync(context, mediaType, serializer);
            var result = await GraphQLRequestExecutor.ExecuteAsync(context, request);
            await GraphQLResponseWriter.WriteResultAsync(context, mediaType!, result, serializer);
        }
        catch (GraphQLHttpProblem problem)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLHttpEndpoint).FullName!);
            Log.RequestRefused(logger, problem.StatusCode, problem.Message);
            await GraphQLResponseWriter.WriteProblemAsync(context, mediaType ?? MediaTypes.Json, problem);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
    }

    private static async Task<GraphQLHttpRequest> ReadAsync(HttpContext context, string? mediaType, IGraphQLTextSerializer serializer)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (!isGet && !HttpMethods.IsPost(context.Request.Method)) throw GraphQLHttpProblem.MethodNotAllowed(context.Request.Method);
        if (mediaType is null) throw GraphQLHttpProblem.NotAcceptable(context.Request.Headers.Accept);

        Inputs? ReadInputs(string json) => serializer.Deserialize<Inputs>(json);
        if (isGet)
        {
            var documents = context.RequestServices.GetRequiredService<ValidatedDocumentCache>();
            return GetRequestGuard.EnsureReadOnly(GraphQLRequestReader.FromQueryString(context.Request.Query, ReadInputs), documents);
        }

        if (!MediaTypes.IsJsonBody(context.Request.ContentType)) throw GraphQLHttpProblem.UnsupportedMediaType(context.Request.ContentType);
        var limit = context.RequestServices.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.MaxRequestBodyBytes;
        // The request keeps nothing of the body's bytes (strings and variables are copied out), so the buffer goes back at once.
        using var body = await RequestBodyReader.ReadPooledAsync(context, limit, context.RequestAborted);
        return GraphQLRequestReader.FromJsonBody(body.Memory, element => serializer.ReadNode<Inputs>(element));
    }
}
