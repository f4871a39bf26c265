namespace Cmdb.Domain.Impact;

/// <summary>How badly trouble affects a CI. Ordered: a CI's state only ever gets worse while impact is computed.</summary>
public enum ImpactState : byte
{
    /// <summary>Not reached by the trouble.</summary>
    None = 0,
    /// <summary>Reached only through degraded or at-risk CIs: nothing it needs is certainly lost.</summary>
    AtRisk = 1,
    /// <summary>Redundancy absorbed the trouble: some alternatives failed or degraded, enough are still healthy.</summary>
    Degraded = 2,
    /// <summary>Certainly lost.</summary>
    Down = 3,
}
