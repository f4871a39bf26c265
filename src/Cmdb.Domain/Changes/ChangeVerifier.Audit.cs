using Cmdb.Domain.History;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeVerifier
{
    private static readonly HashSet<string> CiWrites = new(StringComparer.Ordinal) { AuditNames.Create, AuditNames.Update, AuditNames.Retire };

    /// <summary>
    /// Adds what the audit log saw on the blast radius during the window that the graph alone cannot show — attribute
    /// changes such as a version bump — and names the changed fields of every undeclared CI change.
    /// </summary>
    /// <param name="verification">The graph-based verification (<see cref="Verify"/>).</param>
    /// <param name="spec">The change: CIs it targets or edits count as declared.</param>
    /// <param name="audit">Audited writes on <see cref="ChangeVerification.BlastRadiusCiIds"/> during the window.</param>
    public static ChangeVerification WithAuditedChanges(ChangeVerification verification, ChangeSpec spec, IReadOnlyList<CiAuditEntry> audit)
    {
        ArgumentNullException.ThrowIfNull(verification);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(audit);
        var declared = spec.TargetCiIds.Concat(spec.TopologyEdits.Select(e => e.CiId).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var byCi = audit
            .Where(a => a.Entry.EntityKind == AuditNames.Ci && CiWrites.Contains(a.Entry.Operation) && !declared.Contains(a.CiId))
            .GroupBy(a => a.CiId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Fields: g.SelectMany(a => a.Entry.Changes).Select(c => c.Field).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    At: g.Max(a => a.Entry.At)),
                StringComparer.Ordinal);
        if (byCi.Count == 0) return verification;

        var undeclared = new List<UndeclaredChange>();
        foreach (var u in verification.Undeclared)
        {
            undeclared.Add(u.Kind == UndeclaredChangeKind.CiChanged && byCi.Remove(u.CiId, out var seen) ? u with { Fields = seen.Fields } : u);
        }

        undeclared.AddRange(byCi.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new UndeclaredChange(UndeclaredChangeKind.CiChanged, p.Key, null, null, p.Value.At) { Fields = p.Value.Fields }));
        return verification with { Undeclared = undeclared };
    }
}
