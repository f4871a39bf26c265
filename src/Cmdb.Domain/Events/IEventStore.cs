using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Events;

/// <summary>
/// The store of monitoring events. Ingest validates the whole batch first and writes it in one transaction, so a
/// refused batch leaves nothing behind and an accepted one is durable when the call returns.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Maps and stores the events. One stored event is one occurrence of an alert, keyed by (source, fingerprint,
    /// startsAt): re-sends of it update its status, end, labels and mapping; once RESOLVED, a late FIRING re-send of the
    /// same occurrence does not reopen it. A FIRING event has no end; a RESOLVED one without an end ends when received.
    /// </summary>
    Task<IngestResult> IngestAsync(IReadOnlyList<EventInput> events, CancellationToken cancellationToken);

    Task<MonitoringEvent?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// The events mapped to each CI whose firing interval [startsAt, endsAt) overlaps [from, to) (open ends when null),
    /// newest start first; with <paramref name="firingOnly"/> only those still firing. CIs with none are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<MonitoringEvent>>> GetForCisAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset? from, DateTimeOffset? to, bool firingOnly, CancellationToken cancellationToken);

    /// <summary>Events matching the filter, newest first (by first receipt), one page at a time.</summary>
    Task<Page<MonitoringEvent>> ListAsync(EventFilter filter, int first, string? after, CancellationToken cancellationToken);
}
