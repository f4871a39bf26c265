using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A CI the trouble reaches.</summary>
public sealed class ImpactItemType : ObjectGraphType<ImpactItemNode>
{
    public ImpactItemType()
    {
        Name = "ImpactItem";
        Description = "A CI the trouble reaches: how badly, how far from a cause, and why.";
        Field<NonNullGraphType<ImpactStateType>>("state").Description("How badly it is affected.").Resolve(c => c.Source.Item.State);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops from the nearest cause (0 for a cause).").Resolve(c => c.Source.Item.Depth);
        Field<NonNullGraphType<BooleanGraphType>>("isCause").Description("True for the CIs the question named.").Resolve(c => c.Source.Item.IsCause);
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("ci")
            .Description("The CI, read at the question's moment (batched across the page).")
            .Resolve(c => ImpactLoads.Ci(c, c.Source.Item.CiId, c.Source.AsOf, c.Source.Loaders));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path")
            .Description("Why it is affected: the relationships from a cause to it, in the order the trouble crossed them (empty for a cause). Built only when asked for.")
            .Resolve(c => (c.Source.Result.PathTo(c.Source.Item.CiId) ?? []).Select(s => new PathStepNode(s, c.Source.AsOf) { Loaders = c.Source.Loaders }));
    }
}
