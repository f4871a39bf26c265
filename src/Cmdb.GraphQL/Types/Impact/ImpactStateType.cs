using Cmdb.Domain.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How badly trouble affects a CI. <see cref="ImpactState.None"/> never reaches the API.</summary>
public sealed class ImpactStateType : EnumerationGraphType
{
    public ImpactStateType()
    {
        Name = "ImpactState";
        Description = "How badly trouble affects a CI, worst first.";
        Add("DOWN", ImpactState.Down, "Certainly lost (the CIs asked about are always DOWN).");
        Add("DEGRADED", ImpactState.Degraded, "Redundancy absorbed the trouble: some alternatives failed or degraded, enough are still healthy.");
        Add("AT_RISK", ImpactState.AtRisk, "Reached only through degraded or at-risk CIs: nothing it needs is certainly lost.");
    }
}
