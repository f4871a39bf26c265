using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class RiskLevelType : EnumerationGraphType<RiskLevel>
{
    public RiskLevelType()
    {
        Name = "RiskLevel";
        Description = "The banded risk score (thresholds are configured).";
    }
}
