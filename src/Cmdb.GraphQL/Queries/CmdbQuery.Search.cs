using Cmdb.Domain.Errors;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    /// <summary>The longest search text accepted.</summary>
    public const int MaxSearchTextLength = 256;

    private void AddSearchFields()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitType>>>>("search")
            .Description("Ranked text search over names, identifiers, tags, owners and attribute values (current state). The text is plain words; query syntax characters are treated as text.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "Words to look for.")
            .Argument<IntGraphType>("first", "How many hits at most.", a => a.DefaultValue = 20)
            .ResolveAsync(async c => await _store.SearchAsync(
                SearchText(c.GetArgument<string>("text")), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize), c.CancellationToken));
    }

    private static string SearchText(string text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxSearchTextLength
            ? throw CmdbException.Invalid($"text must contain a word and be at most {MaxSearchTextLength} characters.", "text")
            : text;
}
