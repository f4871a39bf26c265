using Cmdb.GraphQL.Types.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeAssessmentType : ObjectGraphType<ChangeAssessmentNode>
{
    public ChangeAssessmentType()
    {
        Name = "ChangeAssessment";
        Description = "How risky a change is, why, what it collides with, and who should approve it. Deterministic; nothing is stored.";
        Field<NonNullGraphType<IntGraphType>>("score").Description("0 to 100; the sum of the factors' contributions.").Resolve(c => c.Source.Assessment.Score);
        Field<NonNullGraphType<RiskLevelType>>("level").Resolve(c => c.Source.Assessment.Level);
        Field<NonNullGraphType<ApprovalPathType>>("recommendedApproval").Resolve(c => c.Source.Assessment.RecommendedApproval);
        Field<NonNullGraphType<StringGraphType>>("approvalExplanation")
            .Description("One sentence saying why that approval path, e.g. why a standard-change template did or did not pre-approve it.")
            .Resolve(c => c.Source.Assessment.ApprovalExplanation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RiskFactorType>>>>("factors").Resolve(c => c.Source.Assessment.Factors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeCollisionType>>>>("collisions").Resolve(c => c.Source.Collisions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("newSinglePointsOfFailure")
            .Description("CIs that become single points of failure of a reached business service only because of the declared edits.")
            .Resolve(c => c.Source.Assessment.NewSinglePointsOfFailure);
        Field<NonNullGraphType<ImpactResultType>>("impact")
            .Description("The blast radius: what trouble in the targets reaches on the topology after the declared edits.")
            .Resolve(c => new ImpactResultNode(c.Source.Assessment.Impact, null));
    }
}
