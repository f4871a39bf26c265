namespace Cmdb.GraphQL.Types.Impact;

/// <summary>An edge of <see cref="ImpactItemConnectionType"/>.</summary>
public sealed class ImpactItemEdgeType() : ItemEdgeGraphType<ImpactItemNode, ImpactItemType>("ImpactItemEdge", "An affected CI in a page, with its cursor.");
