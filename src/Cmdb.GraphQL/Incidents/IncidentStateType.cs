using Cmdb.Domain.Incidents;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IncidentStateType : EnumerationGraphType<IncidentState>
{
    public IncidentStateType()
    {
        Name = "IncidentState";
        Description = "OPEN -> INVESTIGATING -> RESOLVED -> CLOSED. RESOLVED is reached through resolveIncident; a RESOLVED incident may be "
            + "reopened (to INVESTIGATING); CLOSED is final.";
    }
}
