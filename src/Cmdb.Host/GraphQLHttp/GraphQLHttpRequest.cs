using GraphQL;
using GraphQLParser.AST;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// A well-formed GraphQL-over-HTTP request: the parameters of the spec, already type-checked.
/// <see cref="Document"/> is set when the endpoint parsed the query itself (GET, to refuse mutations).
/// </summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions)
{
    public GraphQLDocument? Document { get; init; }
}
