namespace Cmdb.Discovery.Framework;

/// <summary>A run whose retirements exceeded the safety threshold waits for an admin.</summary>
public enum HoldState
{
    Pending,
    Approved,
    Rejected,
}
