namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A page of an impact or dependency result (see <see cref="ItemPaging.Read"/>).</summary>
public sealed record ItemPage<T>(int TotalCount, IReadOnlyList<ItemEdge<T>> Edges, PageInfo PageInfo);
