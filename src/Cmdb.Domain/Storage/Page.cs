namespace Cmdb.Domain.Storage;

/// <summary>One item of a page with the opaque cursor that points at it.</summary>
public sealed record PageItem<T>(T Node, string Cursor);

/// <summary>A page of a longer list, with the exact length of the whole list.</summary>
public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, int TotalCount, bool HasNextPage)
{
    public string? EndCursor => Items.Count == 0 ? null : Items[^1].Cursor;
}
