using Cmdb.Domain.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>Exact totals of an impact result.</summary>
public sealed class ImpactSummaryType : ObjectGraphType<ImpactSummary>
{
    public ImpactSummaryType()
    {
        Name = "ImpactSummary";
        Description = "Exact totals over every affected CI (causes included, environment filter applied), whatever page of items is read.";
        Field<NonNullGraphType<IntGraphType>>("total").Description("Affected CIs, causes included (as ImpactResult.totalCount).").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("down").Description("How many are DOWN.").Resolve(c => c.Source.Down);
        Field<NonNullGraphType<IntGraphType>>("degraded").Description("How many are DEGRADED.").Resolve(c => c.Source.Degraded);
        Field<NonNullGraphType<IntGraphType>>("atRisk").Description("How many are AT_RISK.").Resolve(c => c.Source.AtRisk);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StateCountType>>>>("byState")
            .Description("Counts per state, always DOWN, DEGRADED, AT_RISK in that order (zeros included).")
            .Resolve(c => new[]
            {
                new StateCount(ImpactState.Down, c.Source.Down),
                new StateCount(ImpactState.Degraded, c.Source.Degraded),
                new StateCount(ImpactState.AtRisk, c.Source.AtRisk),
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassCountType>>>>("byClass").Description("Counts per class, largest first.").Resolve(c => c.Source.ByClass);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnvironmentCountType>>>>("byEnvironment")
            .Description("Counts per environment, largest first.").Resolve(c => c.Source.ByEnvironment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CriticalityCountType>>>>("byCriticality")
            .Description("Counts per criticality tier, tier 1 (most critical) first, unset last.").Resolve(c => c.Source.ByCriticality);
    }
}
