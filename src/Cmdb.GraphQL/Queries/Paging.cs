using Cmdb.Domain.Errors;

namespace Cmdb.GraphQL.Queries;

/// <summary>Checks of paging arguments, with messages that say what is allowed.</summary>
public static class Paging
{
    public static int First(int first, int max, string argument = "first") =>
        first >= 1 && first <= max
            ? first
            : throw CmdbException.Invalid($"{argument} must be between 1 and {max}, not {first}.", argument);

    /// <summary>Refuses an empty or absurdly long cursor early; the store decides whether a cursor is its own.</summary>
    public static string? After(string? after) =>
        after is null || after.Length is > 0 and <= 512
            ? after
            : throw CmdbException.Invalid("after must be a cursor taken from a previous page (endCursor or an edge's cursor).", "after");
}
