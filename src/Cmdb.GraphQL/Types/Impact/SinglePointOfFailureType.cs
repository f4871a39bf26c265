using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A CI whose loss alone takes a service down.</summary>
public sealed class SinglePointOfFailureType : ObjectGraphType<SinglePointOfFailureNode>
{
    public SinglePointOfFailureType()
    {
        Name = "SinglePointOfFailure";
        Description = "A CI whose loss alone takes the service DOWN, redundancy considered. Ask `ci { impact { ... } }` for everything its loss reaches.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the worst: most CIs taken down, then nearest to the service, then by id.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("ci")
            .Description("The CI, read at the question's moment.")
            .Resolve(c => ImpactLoads.Ci(c, c.Source.Item.CiId, c.Source.AsOf));
        Field<NonNullGraphType<IntGraphType>>("impactedCount")
            .Description("How many other CIs its loss takes DOWN, the service included.").Resolve(c => c.Source.Item.DownCount);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops between the service and it.").Resolve(c => c.Source.Item.Depth);
    }
}
