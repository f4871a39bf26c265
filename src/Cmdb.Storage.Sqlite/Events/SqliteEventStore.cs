using Cmdb.Domain.Events;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Events;

/// <summary>
/// <see cref="IEventStore"/> over the shared SQLite file. A batch is validated and mapped first (reads only), then
/// written in one IMMEDIATE transaction, so an accepted batch is durable when the call returns and a refused one
/// leaves nothing.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore, IDisposable
{
    private readonly ICmdbStore _cmdb;
    private readonly SideStoreDatabase _db;
    private readonly EventOptions _options;
    private readonly TimeProvider _time;
    private readonly int _retentionDays;
    private DateTimeOffset _nextPruneAt = DateTimeOffset.MinValue; // written only inside the serialised write

    public SqliteEventStore(SqliteStorageOptions storage, EventOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _db = new SideStoreDatabase(storage, cmdb);
        _options = options;
        _cmdb = cmdb;
        _time = time;
        _retentionDays = storage.RetentionDays;
    }

    public async Task<IngestResult> IngestAsync(IReadOnlyList<EventInput> events, CancellationToken cancellationToken)
    {
        EventRules.Validate(events);
        await _cmdb.InitializeAsync(cancellationToken);
        var mapper = new EventMapper(_cmdb, _options.EffectiveRules);
        var mapped = new (string? CiId, string? MappedBy)[events.Count];
        for (var i = 0; i < events.Count; i++) mapped[i] = await mapper.MapAsync(events[i], $"events[{i}]", cancellationToken);

        // Normalise stamps ids and times, so it runs inside the write, under the gate, as before.
        var written = await _db.WriteAsync((c, tx) =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
            var outcomes = new List<IngestOutcome>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var e = Normalise(events[i], mapped[i], now);
                var existing = Find(c, tx, e.Source, e.Fingerprint, e.StartsAt);
                if (existing is null)
                {
                    Insert(c, tx, e);
                    outcomes.Add(new IngestOutcome(e.Id, e.Fingerprint, true, e.CiId, e.MappedBy));
                    continue;
                }

                var next = e with { Id = existing.Id };
                if (existing.Status == EventStatus.Resolved && e.Status == EventStatus.Firing)
                    next = next with { Status = EventStatus.Resolved, EndsAt = existing.EndsAt }; // a late re-send does not reopen it
                Update(c, tx, next);
                outcomes.Add(new IngestOutcome(next.Id, next.Fingerprint, false, next.CiId, next.MappedBy));
            }

            Prune(c, tx, now);
            return outcomes;
        }, cancellationToken);
        var created = written.Count(o => o.IsNew);
        var hits = written.Count(o => o.CiId is not null);
        return new IngestResult(written.Count, created, written.Count - created, hits, written.Count - hits, written);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// At most hourly, forgets events that ended before the retention period (Cmdb:Storage:Sqlite:RetentionDays), and
    /// firing ones no sender has repeated for that long: Alertmanager re-sends firing alerts every repeat_interval, so
    /// such an event's resolve was lost, and it would otherwise fire for ever.
    /// </summary>
    private void Prune(SqliteConnection c, SqliteTransaction tx, DateTimeOffset now)
    {
        if (now < _nextPruneAt) return;
        _nextPruneAt = now.AddHours(1);
        using var cmd = Command(c, tx, "DELETE FROM monitoring_event WHERE (ends_at IS NOT NULL AND ends_at < $cutoff) OR last_received_at < $cutoff");
        cmd.Parameters.AddWithValue("$cutoff", now.AddDays(-_retentionDays).ToUnixTimeMilliseconds());
        cmd.ExecuteNonQuery();
    }

    private static MonitoringEvent Normalise(EventInput input, (string? CiId, string? MappedBy) map, DateTimeOffset now)
    {
        var labels = new SortedDictionary<string, string>(input.Labels.ToDictionary(), StringComparer.Ordinal);
        var annotations = new SortedDictionary<string, string>(
            input.Annotations?.ToDictionary() ?? [], StringComparer.Ordinal);
        var starts = DateTimeOffset.FromUnixTimeMilliseconds(input.StartsAt.ToUnixTimeMilliseconds());
        DateTimeOffset? ends = input.Status == EventStatus.Firing
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds((input.EndsAt ?? now).ToUnixTimeMilliseconds());
        var name = input.Name ?? (labels.TryGetValue("alertname", out var alert) ? alert : input.Source);
        var severity = input.Severity ?? (labels.TryGetValue("severity", out var sev) ? sev : null);
        return new MonitoringEvent(
            Ulid.New(now), input.Fingerprint ?? EventFingerprint.Compute(input.Source, labels), input.Source, name, severity, input.Status,
            labels, annotations, starts, ends < starts ? starts : ends, now, map.CiId, map.MappedBy);
    }
}
