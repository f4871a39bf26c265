namespace Cmdb.GraphQL.Types;

/// <summary>Where a page ends and whether more follows.</summary>
public sealed record PageInfo(bool HasNextPage, string? EndCursor);
