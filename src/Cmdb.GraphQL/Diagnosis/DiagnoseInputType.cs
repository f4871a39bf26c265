using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class DiagnoseInputType : InputObjectGraphType<DiagnoseInput>
{
    public DiagnoseInputType()
    {
        Name = "DiagnoseInput";
        Description = "Symptoms and a start time to diagnose without a recorded incident.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("symptomCiIds").Description("The CIs showing trouble (at least one).");
        Field<NonNullGraphType<DateTimeType>>("startedAt").Description("When the trouble started; the topology is read as of this moment. Not in the future.");
        Field<IntGraphType>("windowHours").Description("Hours before the start in which changes count (default Cmdb:Diagnosis DefaultWindowHours, 24).");
    }
}
