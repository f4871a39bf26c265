using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Queries;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A CI reached by a neighbourhood read.</summary>
public sealed class NeighbourType : ObjectGraphType<NeighbourNode>
{
    public NeighbourType()
    {
        Name = "Neighbour";
        Description = "A CI within reach of another, how many hops away, and the relationship it was first reached by.";
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("ci")
            .Description("The CI reached, read at the same moment.")
            .Resolve(c => NeighbourPrefetch.LoaderFor(c, c.Source.Loaders).Load(new CiKey(c.Source.CiId, c.Source.AsOf)).Then(ci => ci is null ? null : new CiNode(ci, c.Source.AsOf)));
        Field<NonNullGraphType<IntGraphType>>("depth").Description("Hops from the start (1 = a direct neighbour).").Resolve(c => c.Source.Depth);
        Field<RelationshipGraphType, IDataLoaderResult<RelationshipNode?>>("via")
            .Description("The relationship the CI was first reached by.")
            .Resolve(c =>
            {
                var n = c.Source;
                return (n.Loaders?.Relationships ?? c.RelationshipLoader()).Load(RelationshipKey.Create(n.CiId, Direction.Both, null, n.AsOf)).Then(list =>
                {
                    var r = list?.FirstOrDefault(r => r.SourceId == n.ViaSourceId && r.TargetId == n.ViaTargetId && r.Type == n.ViaType);
                    return r is null ? null : new RelationshipNode(r, n.AsOf);
                });
            });
    }
}
