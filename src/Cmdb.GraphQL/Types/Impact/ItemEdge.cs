namespace Cmdb.GraphQL.Types.Impact;

/// <summary>An item of an impact or dependency page, with its cursor.</summary>
public sealed record ItemEdge<T>(string Cursor, T Node);
