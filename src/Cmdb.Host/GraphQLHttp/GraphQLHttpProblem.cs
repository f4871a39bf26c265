namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// A request refused before execution (wrong method, media type, body). The endpoint answers with
/// <see cref="StatusCode"/> and a GraphQL-shaped error body carrying <see cref="Code"/>.
/// </summary>
internal sealed class GraphQLHttpProblem(int statusCode, string code, string message, string? allow = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Machine-readable reason, written to <c>extensions.code</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The <c>Allow</c> header of a 405.</summary>
    public string? Allow { get; } = allow;

    public static GraphQLHttpProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

    public static GraphQLHttpProblem InvalidJson(string message) => new(StatusCodes.Status400BadRequest, "INVALID_JSON", message);

    public static GraphQLHttpProblem TooLarge(long limit) => new(
        StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE",
        $"The request body is larger than the limit of {limit:N0} bytes (Cmdb:Http:MaxRequestBodyBytes). Split the request, e.g. import in smaller documents.");

    public static GraphQLHttpProblem UnsupportedMediaType(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
        contentType is null
            ? "A POST needs Content-Type: application/json."
            : $"Content-Type '{contentType}' is not supported; send application/json (UTF-8).");

    public static GraphQLHttpProblem NotAcceptable(string? accept) => new(
        StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
        $"None of the media types in Accept '{accept}' can be produced; accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");

    public static GraphQLHttpProblem MethodNotAllowed(string method) => new(
        StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
        $"{method} is not supported at this endpoint; use GET for queries or POST.", "GET, POST");

    public static GraphQLHttpProblem MutationOverGet() => new(
        StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
        "Mutations cannot be sent with GET (a link or prefetch must never change data); use POST.", "POST");
}
