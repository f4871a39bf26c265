namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A page of affected CIs.</summary>
public sealed class ImpactItemConnectionType()
    : ItemConnectionGraphType<ImpactItemNode, ImpactItemEdgeType>("ImpactItemConnection", "A page of affected CIs: by depth, then worst state first; the order is stable, so pages neither overlap nor skip.");
