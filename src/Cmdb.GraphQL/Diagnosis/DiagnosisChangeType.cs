using Cmdb.Domain.Diagnosis;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class DiagnosisChangeType : ObjectGraphType<ChangeEvidence>
{
    public DiagnosisChangeType()
    {
        Name = "DiagnosisChange";
        Description = "A change counted as evidence for a candidate.";
        Field<NonNullGraphType<DateTimeType>>("at").Description("When it happened (a change record: its planned start within the window).").Resolve(c => c.Source.Change.At);
        Field<NonNullGraphType<DiagnosisChangeKindType>>("kind").Resolve(c => c.Source.Change.Kind);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("What changed.").Resolve(c => c.Source.Change.Summary);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who wrote it (discovery:SOURCE, user:NAME, change).").Resolve(c => c.Source.Change.Actor);
        Field<IdGraphType>("changeId").Description("The change record, for declared changes.").Resolve(c => c.Source.Change.ChangeId);
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI changed.").Resolve(c => c.Source.Change.CiId);
        Field<NonNullGraphType<BooleanGraphType>>("onCandidate").Description("True on the candidate itself, false on a direct neighbour.").Resolve(c => c.Source.OnCandidate);
    }
}
