using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryRunStatusType : EnumerationGraphType<DiscoveryRunStatus>
{
    public DiscoveryRunStatusType()
    {
        Name = "DiscoveryRunStatus";
        Description = "How a discovery run ended: SUCCEEDED (every scope completed), PARTIAL (some scopes failed; only completed ones could retire anything), FAILED (nothing completed, nothing retired), SKIPPED (another run of the source was in progress), or RUNNING.";
    }
}
