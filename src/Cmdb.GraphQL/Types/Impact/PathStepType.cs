using Cmdb.Domain.Storage;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>One relationship of a path, in walking order.</summary>
public sealed class PathStepType : ObjectGraphType<PathStepNode>
{
    public PathStepType(ICmdbStore store)
    {
        Name = "PathStep";
        Description = "One relationship of a path. The walk goes from `from` to `to`, which may be against the relationship's own direction (compare with relationship.source and relationship.target).";
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("from")
            .Description("The CI this step leaves, read at the same moment.")
            .Resolve(c => ImpactLoads.Ci(c, c.Source.Step.FromCiId, c.Source.AsOf, c.Source.Loaders));
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("to")
            .Description("The CI this step reaches, read at the same moment.")
            .Resolve(c => ImpactLoads.Ci(c, c.Source.Step.ToCiId, c.Source.AsOf, c.Source.Loaders));
        Field<NonNullGraphType<RelationshipGraphType>, IDataLoaderResult<RelationshipNode?>>("relationship")
            .Description("The relationship crossed, as stored.")
            .Resolve(c => ImpactLoads.Relationship(c, store, c.Source));
    }
}
