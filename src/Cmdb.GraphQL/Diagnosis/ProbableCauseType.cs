using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Diagnosis;

public sealed class ProbableCauseType : ObjectGraphType<CauseNode>
{
    public ProbableCauseType()
    {
        Name = "ProbableCause";
        Description = "One candidate cause with its score and evidence.";
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The candidate CI.").Resolve(c => c.Source.Cause.CiId);
        Field<ConfigurationItemType>("ci").Description("The candidate CI as of the incident start.")
            .Resolve(c => DiagnosisCis.Load(c, c.Source.Cause.CiId, c.Source.AsOf));
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 = most likely.").Resolve(c => c.Source.Cause.Rank);
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Posterior probability (0..1) that this CI is a cause, among the hypotheses scored (every candidate alone and the best pairs).")
            .Resolve(c => c.Source.Cause.Score);
        Field<NonNullGraphType<FloatGraphType>>("logScore").Description("Log-likelihood plus log-prior of its best hypothesis, in nats (for comparing causes).")
            .Resolve(c => c.Source.Cause.LogScore);
        Field<IdGraphType>("pairedWith").Description("When ranked as half of a two-fault explanation, the other half.").Resolve(c => c.Source.Cause.PairedWith);
        Field<NonNullGraphType<CauseEvidenceType>>("evidence").Description("Why, as if this CI alone had failed.").Resolve(c => c.Source.Cause.Evidence);
    }
}
