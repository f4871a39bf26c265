using Cmdb.Domain.Diagnosis;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class CauseEvidenceType : ObjectGraphType<CauseEvidence>
{
    public CauseEvidenceType()
    {
        Name = "CauseEvidence";
        Description = "The evidence for a candidate: what its failure explains and predicts, what changed on or next to it, what fires on it, its past.";
        Field<NonNullGraphType<IntGraphType>>("symptomsExplained").Description("How many reported symptoms its failure predicts.").Resolve(c => c.Source.SymptomsExplained.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("symptomsExplainedIds").Description("Which.").Resolve(c => c.Source.SymptomsExplained);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("symptomsUnexplainedIds").Description("Reported symptoms its failure does not reach.")
            .Resolve(c => c.Source.SymptomsUnexplained);
        Field<NonNullGraphType<IntGraphType>>("healthyDependents")
            .Description("Monitored CIs its failure would take down or degrade that were not reported.").Resolve(c => c.Source.HealthyDependentCount);
        Field<NonNullGraphType<BooleanGraphType>>("healthyDependentsAtLeast")
            .Description("True when healthyDependents is a lower bound (counting stopped once the candidate could not rank high).").Resolve(c => c.Source.HealthyDependentsAtLeast);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("healthyDependentIds").Description("Some of them (up to 10), by id.")
            .Resolve(c => c.Source.HealthyDependents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagnosisChangeType>>>>("changes")
            .Description("Changes on it or on a direct neighbour in the window before the start, newest first.").Resolve(c => c.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagnosisEventType>>>>("events").Description("Monitoring events firing on it.").Resolve(c => c.Source.Events);
        Field<NonNullGraphType<IntGraphType>>("pastIncidents").Description("Earlier incidents resolved with it as the root cause.").Resolve(c => c.Source.PastIncidents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("indistinguishableFrom")
            .Description("Candidates whose failure would look exactly the same to monitoring; only changes, events and history tell them apart.")
            .Resolve(c => c.Source.IndistinguishableFrom);
    }
}
