using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IncidentInputType : InputObjectGraphType<IncidentInput>
{
    public IncidentInputType()
    {
        Name = "IncidentInput";
        Description = "A new incident as its reporter describes it.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title (1 to 200 characters).");
        Field<StringGraphType>("description").Description("What is seen (at most 10000 characters).");
        Field<NonNullGraphType<IncidentSeverityType>>("severity").Description("SEV1 (worst) to SEV4.");
        Field<DateTimeType>("startedAt").Description("When the trouble started; not in the future. Defaults to now.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("symptomCiIds").Description("CIs showing symptoms so far (more can be added later); each must exist.");
    }
}
