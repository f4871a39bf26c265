namespace Cmdb.Domain.Incidents;

/// <summary>The lifecycle of an incident; <see cref="IncidentStateMachine"/> holds the legal moves.</summary>
public enum IncidentState
{
    Open,
    Investigating,
    Resolved,
    Closed,
}
