namespace Cmdb.GraphQL.Types.Impact;

/// <summary>An edge of <see cref="DependencyItemConnectionType"/>.</summary>
public sealed class DependencyItemEdgeType() : ItemEdgeGraphType<DependencyItemNode, DependencyItemType>("DependencyItemEdge", "A needed CI in a page, with its cursor.");
