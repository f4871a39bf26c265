using System.Text.Json;
using GraphQL;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Writes execution results and refusals, with the status codes of the GraphQL-over-HTTP spec.</summary>
internal static class GraphQLResponseWriter
{
    /// <summary>
    /// With <c>application/graphql-response+json</c>, a result that never executed (parse, validation or variable
    /// errors) is a 400; everything else, and every result under plain <c>application/json</c>, is a 200.
    /// </summary>
    public static Task WriteResultAsync(HttpContext context, string mediaType, ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        var status = mediaType == MediaTypes.GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return WriteAsync(context, status, mediaType, result, serializer);
    }

    /// <summary>
    /// A refusal in the shape of a GraphQL response without <c>data</c>: one error whose <c>extensions.code</c> names
    /// the HTTP-level problem. Written directly, since the schema's error shaping is for execution errors.
    /// </summary>
    public static async Task WriteProblemAsync(HttpContext context, string mediaType, GraphQLHttpProblem problem)
    {
        if (problem.Allow is not null) context.Response.Headers.Allow = problem.Allow;
        context.Response.StatusCode = problem.StatusCode;
        context.Response.ContentType = MediaTypes.WithCharset(mediaType);
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteStartArray("errors");
        json.WriteStartObject();
        json.WriteString("message", problem.Message);
        json.WriteStartObject("extensions");
        json.WriteString("code", problem.Code);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, int status, string mediaType, ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaTypes.WithCharset(mediaType);
        await using var body = new ResponseBufferStream(context.Response);
        await serializer.WriteAsync(body, result, context.RequestAborted);
        await body.CompleteAsync(context.RequestAborted);
    }
}
