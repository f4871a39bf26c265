namespace Cmdb.Domain.Diagnosis;

/// <summary>One change on a CI in the window before an incident start.</summary>
/// <param name="CiId">The CI changed (for a relationship, each end gets its own entry).</param>
/// <param name="At">When the change happened (committed, or the change record's planned start).</param>
/// <param name="Kind">Declared, discovered or manual.</param>
/// <param name="Summary">What changed, for a person (e.g. <c>attributes.version: 1.2 → 1.3</c>).</param>
/// <param name="Actor">Who wrote it (<c>discovery:kubernetes</c>, <c>user:alice</c>).</param>
/// <param name="ChangeId">The change record, when the change is a declared one.</param>
/// <param name="Bookkeeping">
/// Only bookkeeping fields changed (see <see cref="IsBookkeeping"/>): shown as evidence, but an owner or a tag edit
/// cannot break a running system, so it barely counts as a suspect.
/// </param>
public sealed record DiagnosisChange(
    string CiId, DateTimeOffset At, DiagnosisChangeKind Kind, string Summary, string Actor, string? ChangeId = null, bool Bookkeeping = false)
{
    private static readonly HashSet<string> BookkeepingFields = new(StringComparer.Ordinal) { "name", "owner", "supportGroup", "criticality", "tags" };

    /// <summary>Whether an update touched only bookkeeping fields (name, owner, support group, criticality, tags).</summary>
    public static bool IsBookkeeping(string operation, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var any = false;
        foreach (var f in fields)
        {
            if (!BookkeepingFields.Contains(f)) return false;
            any = true;
        }

        return any && operation == "update";
    }
}
