namespace Cmdb.Domain.Diagnosis;

/// <summary>Where a change seen before an incident comes from.</summary>
public enum DiagnosisChangeKind
{
    /// <summary>A change record (declared, planned) whose window or outcome falls before the start.</summary>
    ChangeRecord,
    /// <summary>Seen only by discovery (a version bump, a new or lost relationship): the "unauthorised change" suspect.</summary>
    Discovered,
    /// <summary>An audited write by a person or an API key that no change record declares.</summary>
    Manual,
}
