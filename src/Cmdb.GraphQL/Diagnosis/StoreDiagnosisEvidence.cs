using Cmdb.Domain.Changes;
using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Events;
using Cmdb.Domain.History;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>
/// Reads diagnosis evidence from the stores: change records whose window falls in the period, audited writes
/// (discovery's own writes are the "seen only by discovery" suspects, unless a change record on the CI covers them),
/// monitoring events and past root causes. Missing stores simply contribute nothing.
/// </summary>
public sealed class StoreDiagnosisEvidence(ICmdbStore store, IChangeStore? changes, IEventStore? events, IIncidentStore? incidents)
    : IDiagnosisEvidenceSource
{
    /// <summary>CIs per event or incident query (keeps statements well under SQLite's parameter limit).</summary>
    private const int Batch = 500;

    /// <summary>Audited writes read per diagnosis at most (newest first).</summary>
    private const int AuditLimit = 5000;

    /// <summary>Change records that declare what happens in their window: approved ones and those that went ahead.</summary>
    internal static readonly ChangeState[] Live =
        [ChangeState.Approved, ChangeState.Scheduled, ChangeState.Implementing, ChangeState.Completed, ChangeState.Failed, ChangeState.RolledBack];

    /// <summary>The live change record whose targets and window cover an audited write, if any.</summary>
    internal static ChangeRecord? DeclaredBy(IEnumerable<ChangeRecord> liveRecords, CiAuditEntry entry) =>
        liveRecords.FirstOrDefault(r => r.Spec.TargetCiIds.Contains(entry.CiId) && r.Spec.PlannedStart <= entry.Entry.At && entry.Entry.At <= r.Spec.PlannedEnd);

    public async Task<DiagnosisEvidence> GatherAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        var asked = ciIds.ToHashSet(StringComparer.Ordinal);
        var records = changes is null ? [] : await changes.ListAsync(from, to.AddTicks(1), Live, cancellationToken);
        var found = new List<DiagnosisChange>();
        foreach (var record in records)
        {
            var at = record.Spec.PlannedStart < from ? from : record.Spec.PlannedStart > to ? to : record.Spec.PlannedStart;
            foreach (var ci in record.Spec.TargetCiIds.Where(asked.Contains))
                found.Add(new DiagnosisChange(ci, at, DiagnosisChangeKind.ChangeRecord, $"{record.Spec.Type} change: {record.Spec.Title} ({record.State})", "change", record.Id));
        }

        foreach (var e in await store.GetAuditAsync(asked, from, to, AuditLimit, cancellationToken))
        {
            if (DeclaredBy(records, e) is not null) continue; // the change record already stands for it
            found.Add(new DiagnosisChange(
                e.CiId, e.Entry.At, KindOf(e.Entry.Actor), Summarise(e), e.Entry.Actor, null,
                DiagnosisChange.IsBookkeeping(e.Entry.Operation, e.Entry.Changes.Select(c => c.Field))));
        }

        var firing = new List<DiagnosisEvent>();
        var past = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in asked.Order(StringComparer.Ordinal).Chunk(Batch))
        {
            if (events is not null)
            {
                foreach (var (ci, list) in await events.GetForCisAsync(chunk, from, to, false, cancellationToken))
                    firing.AddRange(list.Select(ev => new DiagnosisEvent(ev.Id, ci, ev.Name, ev.Severity, ev.StartsAt, ev.EndsAt)));
            }

            if (incidents is not null)
            {
                foreach (var (ci, count) in await incidents.GetRootCauseCountsAsync(chunk, to, cancellationToken)) past[ci] = count;
            }
        }

        return DiagnosisEvidence.From(found, firing, past);
    }

    /// <summary>Discovery's writes are what nobody declared; people and keys write by hand.</summary>
    public static DiagnosisChangeKind KindOf(string actor) =>
        actor.StartsWith("discovery:", StringComparison.Ordinal) ? DiagnosisChangeKind.Discovered : DiagnosisChangeKind.Manual;

    /// <summary>For a person: the operation and the fields it changed, e.g. <c>update: attributes.version</c>.</summary>
    public static string Summarise(CiAuditEntry e)
    {
        var fields = e.Entry.Changes.Count == 0 ? "" : ": " + string.Join(", ", e.Entry.Changes.Take(5).Select(c => c.Field));
        var other = e.OtherCiId is null ? "" : $" (with {e.OtherCiId})";
        return $"{e.Entry.Operation} {e.Entry.EntityKind}{other}{fields}";
    }
}
