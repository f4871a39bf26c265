using Cmdb.Domain.Incidents;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IncidentSymptomType : ObjectGraphType<IncidentSymptom>
{
    public IncidentSymptomType()
    {
        Name = "IncidentSymptom";
        Description = "A CI that showed the incident's symptoms, and who said so when.";
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The symptomatic CI.").Resolve(c => c.Source.CiId);
        Field<ConfigurationItemType>("ci").Description("The CI now; null if it has since been deleted.")
            .Resolve(c => c.CiLoader().Load(new CiKey(c.Source.CiId, null)).Then(ci => ci is null ? null : new CiNode(ci, null)));
        Field<NonNullGraphType<DateTimeType>>("addedAt").Description("When it was added.").Resolve(c => c.Source.AddedAt);
        Field<NonNullGraphType<StringGraphType>>("addedBy").Description("Who added it, e.g. user:alice.").Resolve(c => c.Source.AddedBy);
    }
}
