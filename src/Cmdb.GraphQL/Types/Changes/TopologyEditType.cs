using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class TopologyEditType : ObjectGraphType<TopologyEdit>
{
    public TopologyEditType()
    {
        Name = "TopologyEdit";
        Description = "An edit a change declares it will make to the topology.";
        Field<NonNullGraphType<TopologyEditKindType>>("kind").Description("What the edit does.").Resolve(c => c.Source.Kind);
        Field<IdGraphType>("ciId").Description("The CI added or retired.").Resolve(c => c.Source.CiId);
        Field<StringGraphType>("className").Description("The class of an added CI.").Resolve(c => c.Source.ClassName);
        Field<StringGraphType>("environment").Description("The environment of an added CI.").Resolve(c => c.Source.Environment);
        Field<IntGraphType>("criticality").Description("The criticality of an added CI.").Resolve(c => c.Source.Criticality);
        Field<StringGraphType>("relationshipType").Description("The relationship type added or removed.").Resolve(c => c.Source.RelationshipType);
        Field<IdGraphType>("sourceId").Description("The relationship's source CI.").Resolve(c => c.Source.SourceId);
        Field<IdGraphType>("targetId").Description("The relationship's target CI.").Resolve(c => c.Source.TargetId);
        Field<StringGraphType>("field").Description("SET_FIELD: the field or attribute set.").Resolve(c => c.Source.Field);
        Field<StringGraphType>("value").Description("SET_FIELD: the declared value.").Resolve(c => c.Source.Value);
    }
}
