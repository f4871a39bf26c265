using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cmdb.Host.Tests.Support;

/// <summary>Builds raw GraphQL-over-HTTP requests and reads their answers.</summary>
public static class GraphQLRequests
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public static HttpRequestMessage Post(string body, string? contentType = Json, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    public static HttpRequestMessage PostQuery(string query, string? accept = null, object? variables = null) =>
        Post(JsonSerializer.Serialize(new { query, variables }), Json, accept);

    public static HttpRequestMessage Get(string query, string? variables = null, string? accept = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The first error's code and message, asserting the body is GraphQL-shaped with no data entry.</summary>
    public static async Task<(string Code, string Message)> SingleErrorAsync(HttpResponseMessage response)
    {
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _), "a refused request carries no data entry");
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("extensions").GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}
