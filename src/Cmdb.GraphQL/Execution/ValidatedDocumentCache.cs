using System.Collections.Concurrent;
using Cmdb.GraphQL.Validation;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Execution;

/// <summary>
/// Keeps the parsed form of documents that passed validation, keyed by their exact text, so a repeated document skips
/// parsing and the validation rules that read only the document and the schema. Parsing and those rules were about a
/// third of the server's work for a small query.
/// </summary>
/// <remarks>
/// <para>Only the syntax tree is kept: never variables, results or errors. A document that does not parse, fails
/// validation, or selects no operation is not kept, so it is checked again on every request. Documents are validated as
/// a whole (every operation, whatever <c>operationName</c> picks), so one entry serves every operation in it.</para>
/// <para>Rules that read argument or variable values (the complexity analyzer, argument validators, and any rule not
/// known to be document-only) still run on every request. Size is bounded by <see cref="CmdbGraphQLOptions.DocumentCacheSize"/>
/// characters of document text; when full, the cache starts over. A caller that sets <c>ExecutionOptions.Document</c>
/// itself must set it to the parse of <c>ExecutionOptions.Query</c>.</para>
/// </remarks>
public sealed class ValidatedDocumentCache : IConfigureExecution
{
    /// <summary>Longer documents (an <c>importGraph</c> carrying an estate inline) are never kept.</summary>
    public const int MaxDocumentLength = 32 * 1024;

    // The core rules visit the document before variables are read; FieldArgumentsAreValidRule checks argument values.
    private static readonly HashSet<Type> DocumentOnlyRules =
    [
        .. DocumentValidator.CoreRules.Select(r => r.GetType()).Where(t => t != typeof(FieldArgumentsAreValidRule)),
        typeof(AliasLimitRule),
    ];

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private long _size;

    private readonly IDocumentBuilder _parser;

    public ValidatedDocumentCache(IOptions<CmdbGraphQLOptions> options, IDocumentBuilder parser)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.DocumentCacheSize;
        _parser = parser;
    }

    /// <summary>After the builder's own configuration, which fills in the validation rules.</summary>
    public float SortOrder => 200;

    /// <summary>How many documents are kept now.</summary>
    public int Count => _documents.Count;

    /// <summary>The validated parse of <paramref name="query"/>, or null when it is not kept.</summary>
    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out var document) ? document : null;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Query is not { } query || query.Length > MaxDocumentLength || _capacity < query.Length) return await next(options);

        if (_documents.TryGetValue(query, out var cached) && (options.Document is null || ReferenceEquals(options.Document, cached)))
        {
            options.Document = cached;
            options.ValidationRules = [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(r => !DocumentOnlyRules.Contains(r.GetType()))];
            return await next(options);
        }

        // The executer does not hand back what it parsed, so parse here with the same builder; a document that does
        // not parse is left to the executer, which reports the syntax error as usual.
        options.Document ??= TryParse(query);
        var result = await next(options);
        if (result.Executed && options.Document is { } parsed) Add(query, parsed);
        return result;
    }

    private GraphQLDocument? TryParse(string query)
    {
        try
        {
            return _parser.Build(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }

    private void Add(string query, GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_documents.ContainsKey(query)) return;
            if (_size + query.Length > _capacity)
            {
                _documents.Clear();
                _size = 0;
            }

            _documents[query] = document;
            _size += query.Length;
        }
    }
}
