using Cmdb.Domain.Diagnosis;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class DiagnosisEventType : ObjectGraphType<DiagnosisEvent>
{
    public DiagnosisEventType()
    {
        Name = "DiagnosisEvent";
        Description = "A monitoring event firing on a candidate around the start.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event (see events).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("ciId").Resolve(c => c.Source.CiId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The alert name.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("severity").Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<DateTimeType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<DateTimeType>("endsAt").Description("Null while firing.").Resolve(c => c.Source.EndsAt);
    }
}
