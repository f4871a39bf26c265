namespace Cmdb.Domain.Model;

/// <summary>How trouble travels along a relationship type, stated relative to its source and target.</summary>
public enum Propagation
{
    /// <summary>Trouble never crosses this relationship.</summary>
    None,
    /// <summary>Trouble in the target reaches the source (A DEPENDS_ON B: B's outage hurts A).</summary>
    TargetToSource,
    /// <summary>Trouble in the source reaches the target.</summary>
    SourceToTarget,
    /// <summary>Trouble crosses in both directions.</summary>
    Both,
}
