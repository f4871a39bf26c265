using Cmdb.GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Cmdb.Host.GraphQLHttp;

/// <summary>
/// GET must never change data: parses the document and refuses (405, Allow: POST) when the operation it selects
/// is a mutation. A document that does not parse (or nests too deep) is left for the executer, which reports it as a GraphQL error.
/// </summary>
internal static class GetRequestGuard
{
    /// <param name="request">The request.</param>
    /// <param name="documents">Validated documents, so a repeated GET is not parsed again.</param>
    public static GraphQLHttpRequest EnsureReadOnly(GraphQLHttpRequest request, ValidatedDocumentCache documents)
    {
        var document = documents.Find(request.Query);
        if (document is null)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(request.Query);
            }
            catch (GraphQLParserException)
            {
                return request;
            }
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = request.OperationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.Find(o => o.Name is not null && o.Name.StringValue == request.OperationName);
        if (selected?.Operation is OperationType.Mutation) throw GraphQLHttpProblem.MutationOverGet();
        return request with { Document = document };
    }
}
