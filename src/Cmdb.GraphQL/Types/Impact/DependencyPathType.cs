using Cmdb.GraphQL.DataLoaders;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A path by which one CI needs another.</summary>
public sealed class DependencyPathType : ObjectGraphType<DependencyPathNode>
{
    public DependencyPathType()
    {
        Name = "DependencyPath";
        Description = "A loopless chain of relationships from the CI that needs to the CI it needs; trouble in the last CI reaches the first along it, backwards.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many relationships it crosses.").Resolve(c => c.Source.Steps.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps")
            .Description("Its relationships in walking order: the first leaves `from`, the last reaches `to`.")
            .Resolve(c =>
            {
                var loaders = PageLoaders.Of(c);
                return c.Source.Steps.Select(s => new PathStepNode(s, c.Source.AsOf) { Loaders = loaders });
            });
    }
}
