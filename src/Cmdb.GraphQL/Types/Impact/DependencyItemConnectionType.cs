namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A page of needed CIs.</summary>
public sealed class DependencyItemConnectionType()
    : ItemConnectionGraphType<DependencyItemNode, DependencyItemEdgeType>("DependencyItemConnection", "A page of needed CIs, nearest first; the order is stable, so pages neither overlap nor skip.");
