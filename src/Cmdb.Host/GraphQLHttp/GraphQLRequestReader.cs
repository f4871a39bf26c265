using Cmdb.Domain.Import;
using System.Text.Json;
using GraphQL;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// Reads the GraphQL-over-HTTP parameters (<c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>)
/// from a JSON body or a query string, refusing wrong types with 400 rather than letting them reach execution.
/// </summary>
internal static class GraphQLRequestReader
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 128 };

    public static GraphQLHttpRequest FromJsonBody(ReadOnlyMemory<byte> body, Func<JsonElement, Inputs?> readInputs)
    {
        if (body.IsEmpty)
            throw GraphQLHttpProblem.BadRequest("The request body is empty; send a JSON object such as {\"query\": \"{ __typename }\"}.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            throw GraphQLHttpProblem.InvalidJson(
                $"The request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw GraphQLHttpProblem.BadRequest($"The request body must be a JSON object, not {JsonKinds.Describe(root.ValueKind)}.");

            return new GraphQLHttpRequest(
                Query: RequiredString(root, "query"),
                OperationName: OptionalString(root, "operationName"),
                Variables: OptionalMap(root, "variables", readInputs),
                Extensions: OptionalMap(root, "extensions", readInputs));
        }
    }

    public static GraphQLHttpRequest FromQueryString(IQueryCollection query, Func<string, Inputs?> readInputs)
    {
        var text = Single(query, "query")
            ?? throw GraphQLHttpProblem.BadRequest("A GET request needs a query parameter, e.g. /graphql?query={__typename}.");
        return new GraphQLHttpRequest(
            Query: text,
            OperationName: Single(query, "operationName"),
            Variables: UrlEncodedMap(query, "variables", readInputs),
            Extensions: UrlEncodedMap(query, "extensions", readInputs));
    }

    private static string RequiredString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw GraphQLHttpProblem.BadRequest($"The request has no '{name}' parameter; send the GraphQL document as a string in '{name}'.");
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter must be a string, not {JsonKinds.Describe(value.ValueKind)}.");
    }

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter must be a string or null, not {JsonKinds.Describe(value.ValueKind)}.");
    }

    private static Inputs? OptionalMap(JsonElement root, string name, Func<JsonElement, Inputs?> readInputs)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.Object
            ? readInputs(value)
            : throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter must be a JSON object or null, not {JsonKinds.Describe(value.ValueKind)}.");
    }

    private static Inputs? UrlEncodedMap(IQueryCollection query, string name, Func<string, Inputs?> readInputs)
    {
        if (Single(query, name) is not { Length: > 0 } json) return null;
        JsonValueKind kind;
        try
        {
            using var parsed = JsonDocument.Parse(json, ParseOptions);
            kind = parsed.RootElement.ValueKind;
        }
        catch (JsonException)
        {
            throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter must be URL-encoded JSON; it could not be parsed.");
        }

        return kind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => readInputs(json),
            _ => throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter must be a JSON object, not {JsonKinds.Describe(kind)}."),
        };
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw GraphQLHttpProblem.BadRequest($"The '{name}' parameter is given {values.Count} times; give it once."),
        };
    }
}
