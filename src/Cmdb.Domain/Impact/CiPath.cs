namespace Cmdb.Domain.Impact;

/// <summary>A walk through the index: <see cref="Nodes"/> has one more entry than <see cref="Edges"/>.</summary>
internal sealed record CiPath(List<int> Nodes, List<int> Edges);
