namespace Cmdb.Domain.Relationships;

/// <summary>Which relationships of a CI to follow: those it starts (outgoing), ends (incoming), or both.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}
