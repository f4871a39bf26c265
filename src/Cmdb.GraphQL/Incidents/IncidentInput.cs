using Cmdb.Domain.Incidents;

namespace Cmdb.GraphQL.Incidents;

/// <summary>The GraphQL shape of an <see cref="IncidentSpec"/>; startedAt defaults to now.</summary>
public sealed class IncidentInput
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Severity Severity { get; set; } = Severity.Sev3;
    public DateTimeOffset? StartedAt { get; set; }
    public IReadOnlyList<string>? SymptomCiIds { get; set; }

    public IncidentSpec ToSpec(DateTimeOffset now) => new(Title, Description, Severity, StartedAt ?? now, SymptomCiIds);
}
