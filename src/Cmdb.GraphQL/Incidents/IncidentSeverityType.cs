using Cmdb.Domain.Incidents;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IncidentSeverityType : EnumerationGraphType<Severity>
{
    public IncidentSeverityType()
    {
        Name = "IncidentSeverity";
        Description = "How bad an incident is: SEV1 (worst, e.g. a customer-facing outage) to SEV4 (minor).";
    }

    // SEV1, not the default constant case SEV_1: the spelling on-call engineers use.
    protected override string ChangeEnumCase(string val) => val.ToUpperInvariant();
}
