namespace Cmdb.Domain.Events;

/// <summary>Whether the monitored condition is still present.</summary>
public enum EventStatus
{
    Firing,
    Resolved,
}
