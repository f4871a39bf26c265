using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>Media types of the GraphQL-over-HTTP spec and the Accept / Content-Type rules the endpoint applies.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an Accept header, or null when nothing acceptable is listed (406). Entries are taken by
    /// descending quality; <c>application/json</c>, <c>application/*</c> and <c>*/*</c> mean plain JSON, and a
    /// missing or unreadable header means plain JSON too (what legacy clients expect).
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept)) return Json;
        if (accept.Count == 1 && Exact(accept[0]) is { } exact) return exact;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var entries) || entries.Count == 0) return Json;

        foreach (var entry in entries.OrderByDescending(e => e.Quality ?? 1))
        {
            if (entry.Quality == 0) continue;
            if (entry.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return GraphQLResponse;
            if (entry.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                || entry.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || entry.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
                return Json;
        }

        return null;
    }

    /// <summary>A POST body must be <c>application/json</c>, in UTF-8 when a charset is named.</summary>
    public static bool IsJsonBody(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && (!parsed.Charset.HasValue
            || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || parsed.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    public static string WithCharset(string mediaType) => mediaType switch
    {
        Json => JsonUtf8,
        GraphQLResponse => GraphQLResponseUtf8,
        _ => mediaType + "; charset=utf-8",
    };

    private const string JsonUtf8 = Json + "; charset=utf-8";
    private const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";

    // The headers real clients send on every request, answered without parsing the list.
    private static string? Exact(string? accept) =>
        string.Equals(accept, Json, StringComparison.OrdinalIgnoreCase) || string.Equals(accept, "*/*", StringComparison.Ordinal) ? Json
        : string.Equals(accept, GraphQLResponse, StringComparison.OrdinalIgnoreCase) ? GraphQLResponse
        : null;
}
