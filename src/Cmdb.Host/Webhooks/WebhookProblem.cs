namespace Cmdb.Host.Webhooks;

/// <summary>A refused webhook call: answered with <see cref="StatusCode"/> and a problem+json body.</summary>
internal sealed class WebhookProblem(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Machine-readable reason.</summary>
    public string Code { get; } = code;

    public static WebhookProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

    public static WebhookProblem InvalidJson(string message) => new(StatusCodes.Status400BadRequest, "INVALID_JSON", message);

    /// <summary>Writes the problem as application/problem+json.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { type = "about:blank", title = ReasonPhrase(status), status, code, detail = message },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
