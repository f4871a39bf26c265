using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A CI that the questioned CI needs.</summary>
public sealed class DependencyItemType : ObjectGraphType<DependencyItemNode>
{
    public DependencyItemType()
    {
        Name = "DependencyItem";
        Description = "A CI the questioned CI needs, directly or through others: its trouble would reach the questioned CI.";
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops from the questioned CI (1 = needed directly).").Resolve(c => c.Source.Item.Depth);
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("ci")
            .Description("The CI needed, read at the question's moment (batched across the page).")
            .Resolve(c => ImpactLoads.Ci(c, c.Source.Item.CiId, c.Source.AsOf, c.Source.Loaders));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("path")
            .Description("How it is needed: a shortest chain of relationships from the questioned CI to it, in walking order. Built only when asked for.")
            .Resolve(c => (c.Source.Result.PathTo(c.Source.Item.CiId) ?? []).Select(s => new PathStepNode(s, c.Source.AsOf) { Loaders = c.Source.Loaders }));
    }
}
