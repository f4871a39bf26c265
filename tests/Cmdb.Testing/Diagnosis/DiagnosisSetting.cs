namespace Cmdb.Testing.Diagnosis;

/// <summary>The kinds of fault the accuracy benchmark injects.</summary>
public enum DiagnosisSetting
{
    /// <summary>One CI fails and takes at least two monitored CIs down.</summary>
    SingleFault,
    /// <summary>Two CIs with disjoint observable impact fail at once.</summary>
    TwoFaults,
    /// <summary>One member of a redundancy group fails: nothing but itself goes down, something is degraded.</summary>
    DegradeOnly,
}
