using Cmdb.GraphQL.Queries;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>Cuts pages by offset from a result's stable order.</summary>
public static class ItemPaging
{
    /// <summary>Reads the page after <paramref name="after"/> of at most <paramref name="first"/> items (both checked).</summary>
    /// <param name="totalCount">Items in the whole list.</param>
    /// <param name="first">The requested page size.</param>
    /// <param name="maxPageSize">The configured page size limit.</param>
    /// <param name="after">The cursor to continue after, or null.</param>
    /// <param name="read">Reads <c>count</c> items from <c>offset</c>.</param>
    public static ItemPage<T> Read<T>(int totalCount, int first, int maxPageSize, string? after, Func<int, int, IReadOnlyList<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var size = Paging.First(first, maxPageSize);
        var offset = ItemCursor.Next(Paging.After(after));
        var items = offset >= totalCount ? [] : read(offset, size);
        var edges = new ItemEdge<T>[items.Count];
        for (var i = 0; i < edges.Length; i++) edges[i] = new ItemEdge<T>(ItemCursor.Encode(offset + i), items[i]);
        return new ItemPage<T>(totalCount, edges, new PageInfo(offset + edges.Length < totalCount, edges.Length == 0 ? null : edges[^1].Cursor));
    }
}
