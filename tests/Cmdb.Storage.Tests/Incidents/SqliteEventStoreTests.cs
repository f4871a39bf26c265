using Cmdb.Domain.Errors;
using Cmdb.Domain.Events;
using Xunit;

namespace Cmdb.Storage.Tests.Incidents;

public sealed class SqliteEventStoreTests : IncidentStoreFixture
{
    private EventInput Alert(string instance, EventStatus status = EventStatus.Firing, string fingerprint = "fp1", int startedMinutesAgo = 5) => new(
        "alertmanager", status, new Dictionary<string, string> { ["alertname"] = "HighLatency", ["instance"] = instance, ["severity"] = "page" },
        Time.GetUtcNow().AddMinutes(-startedMinutesAgo), new Dictionary<string, string> { ["summary"] = "slow" }, Fingerprint: fingerprint);

    [Fact]
    public async Task IngestAsync_DefaultRules_MapInstanceToDbKeyOrFqdnAndKeepUnmapped()
    {
        var result = await Events.IngestAsync(
            [Alert("pg-orders.acme.internal:5432", fingerprint: "a"), Alert("web-01.acme.internal:9100", fingerprint: "b"), Alert("nowhere:9100", fingerprint: "c")],
            CancellationToken.None);

        Assert.Equal((3, 3, 0, 2, 1), (result.Accepted, result.New, result.Updated, result.Mapped, result.Unmapped));
        Assert.Equal([Db, Server, null], result.Outcomes.Select(o => o.CiId));
        Assert.Equal("label:instance->db.key", result.Outcomes[0].MappedBy);
        Assert.Equal("label:instance->fqdn (port stripped)", result.Outcomes[1].MappedBy);
        var stored = await Events.GetAsync(result.Outcomes[0].EventId, CancellationToken.None);
        Assert.Equal(("HighLatency", "page", EventStatus.Firing, null), (stored!.Name, stored.Severity, stored.Status, stored.EndsAt));
        Assert.Equal("slow", stored.Annotations["summary"]);
        var unmapped = await Events.ListAsync(new EventFilter(UnmappedOnly: true), 10, null, CancellationToken.None);
        Assert.Equal("c", Assert.Single(unmapped.Items).Node.Fingerprint);
    }

    [Fact]
    public async Task IngestAsync_SameOccurrenceResolved_UpdatesStatusAndEnd()
    {
        var first = await Events.IngestAsync([Alert("web-01.acme.internal:9100")], CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(3));
        var resolvedAt = Time.GetUtcNow().AddMinutes(-1);

        var second = await Events.IngestAsync([Alert("web-01.acme.internal:9100", EventStatus.Resolved, startedMinutesAgo: 8) with { EndsAt = resolvedAt }], CancellationToken.None);
        var lateFiring = await Events.IngestAsync([Alert("web-01.acme.internal:9100", startedMinutesAgo: 8)], CancellationToken.None);

        Assert.Equal((0, 1), (second.New, second.Updated));
        Assert.Equal(first.Outcomes[0].EventId, second.Outcomes[0].EventId);
        var stored = await Events.GetAsync(first.Outcomes[0].EventId, CancellationToken.None);
        Assert.Equal((EventStatus.Resolved, resolvedAt, Time.GetUtcNow()), (stored!.Status, stored.EndsAt, stored.LastReceivedAt));
        Assert.Equal(1, lateFiring.Updated);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM monitoring_event"));
        Assert.Equal(3L, Scalar("SELECT receipts FROM monitoring_event"));
    }

    [Fact]
    public async Task IngestAsync_SameFingerprintNewStart_IsANewOccurrence()
    {
        await Events.IngestAsync([Alert("web-01.acme.internal:9100", EventStatus.Resolved, startedMinutesAgo: 60)], CancellationToken.None);

        var again = await Events.IngestAsync([Alert("web-01.acme.internal:9100", startedMinutesAgo: 2)], CancellationToken.None);

        Assert.Equal(1, again.New);
        var firing = await Events.GetForCisAsync([Server], null, null, firingOnly: true, CancellationToken.None);
        Assert.Equal(EventStatus.Firing, Assert.Single(firing[Server]).Status);
        var all = await Events.GetForCisAsync([Server], null, null, firingOnly: false, CancellationToken.None);
        Assert.Equal(2, all[Server].Count);
    }

    [Fact]
    public async Task IngestAsync_NoFingerprint_DerivesOneFromLabels()
    {
        var input = Alert("web-01.acme.internal:9100") with { Fingerprint = null };

        var a = await Events.IngestAsync([input], CancellationToken.None);
        var b = await Events.IngestAsync([input], CancellationToken.None);

        Assert.Equal(a.Outcomes[0].Fingerprint, b.Outcomes[0].Fingerprint);
        Assert.Equal(16, a.Outcomes[0].Fingerprint.Length);
        Assert.Equal(1, b.Updated);
    }

    [Fact]
    public async Task IngestAsync_ExplicitCiId_MapsOrIsNotFoundAndWritesNothing()
    {
        var ok = await Events.IngestAsync([Alert("x") with { CiId = App }], CancellationToken.None);
        var e = await Assert.ThrowsAsync<CmdbException>(() => Events.IngestAsync([Alert("y", fingerprint: "z"), Alert("x", fingerprint: "q") with { CiId = "ghost" }], CancellationToken.None));

        Assert.Equal((App, "ciId"), (ok.Outcomes[0].CiId, ok.Outcomes[0].MappedBy));
        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("events[1].ciId", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM monitoring_event"));
    }

    [Fact]
    public async Task IngestAsync_BadEvents_AreValidationNamingTheEventAndWriteNothing()
    {
        var good = Alert("web-01.acme.internal:9100");
        var cases = new (IReadOnlyList<EventInput> Batch, string Path)[]
        {
            ([], "events"),
            ([good, good with { Source = " " }], "events[1].source"),
            ([good with { Labels = new Dictionary<string, string>() }], "events[0].labels"),
            ([good with { Status = EventStatus.Resolved, EndsAt = good.StartsAt.AddMinutes(-1) }], "events[0].endsAt"),
            ([good with { Fingerprint = new string('f', EventRules.MaxFingerprintLength + 1) }], "events[0].fingerprint"),
            ([good with { Status = (EventStatus)7 }], "events[0].status"),
            ([good with { Labels = new Dictionary<string, string> { ["a"] = new string('v', EventRules.MaxValueLength + 1) } }], "events[0].labels.a"),
            ([.. Enumerable.Repeat(good, EventRules.MaxBatch + 1)], "events"),
        };

        foreach (var (batch, path) in cases)
        {
            var e = await Assert.ThrowsAsync<CmdbException>(() => Events.IngestAsync(batch, CancellationToken.None));
            Assert.Equal((ErrorCode.Validation, path), (e.Code, e.Path));
        }

        Assert.Equal(0L, Scalar("SELECT count(*) FROM monitoring_event"));
    }

    [Fact]
    public async Task GetForCisAsync_Window_KeepsOnlyEventsOverlappingIt()
    {
        await Events.IngestAsync(
            [
                Alert("web-01.acme.internal:9100", EventStatus.Resolved, "old", startedMinutesAgo: 120) with { EndsAt = Time.GetUtcNow().AddMinutes(-100) },
                Alert("web-01.acme.internal:9100", EventStatus.Firing, "new", startedMinutesAgo: 10),
            ],
            CancellationToken.None);

        var recent = await Events.GetForCisAsync([Server, Db], Time.GetUtcNow().AddMinutes(-30), Time.GetUtcNow(), false, CancellationToken.None);
        var early = await Events.GetForCisAsync([Server], Time.GetUtcNow().AddMinutes(-130), Time.GetUtcNow().AddMinutes(-60), false, CancellationToken.None);

        Assert.Equal("new", Assert.Single(recent[Server]).Fingerprint);
        Assert.False(recent.ContainsKey(Db));
        Assert.Equal("old", Assert.Single(early[Server]).Fingerprint);
    }

    [Fact]
    public async Task ListAsync_FiltersAndPages()
    {
        await Events.IngestAsync([Alert("web-01.acme.internal:9100", fingerprint: "1"), Alert("pg-orders.acme.internal:5432", EventStatus.Resolved, "2"), Alert("?", fingerprint: "3")], CancellationToken.None);

        var onServer = await Events.ListAsync(new EventFilter(CiId: Server), 10, null, CancellationToken.None);
        var resolved = await Events.ListAsync(new EventFilter(Status: EventStatus.Resolved), 10, null, CancellationToken.None);
        var page1 = await Events.ListAsync(new EventFilter(), 2, null, CancellationToken.None);
        var page2 = await Events.ListAsync(new EventFilter(), 2, page1.EndCursor, CancellationToken.None);

        Assert.Equal("1", Assert.Single(onServer.Items).Node.Fingerprint);
        Assert.Equal("2", Assert.Single(resolved.Items).Node.Fingerprint);
        Assert.Equal((3, true, 1, false), (page1.TotalCount, page1.HasNextPage, page2.Items.Count, page2.HasNextPage));
        Assert.Empty(page1.Items.Select(i => i.Node.Id).Intersect(page2.Items.Select(i => i.Node.Id)));
    }

    [Fact]
    public async Task IngestAsync_EventsEndedOrUnrepeatedBeforeRetention_AreForgottenRepeatedFiringOnesKept()
    {
        var longFiring = Alert("web-01.acme.internal:9100", EventStatus.Firing, "long-firing");
        await Events.IngestAsync(
            [
                Alert("web-01.acme.internal:9100", EventStatus.Resolved, "old") with { EndsAt = Time.GetUtcNow().AddMinutes(-1) },
                longFiring,
                Alert("web-01.acme.internal:9100", EventStatus.Firing, "resolve-lost"),
            ],
            CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(200));
        await Events.IngestAsync([longFiring], CancellationToken.None); // Alertmanager repeats what still fires
        Time.Advance(TimeSpan.FromDays(201));

        await Events.IngestAsync([Alert("web-01.acme.internal:9100", fingerprint: "new")], CancellationToken.None);

        var left = await Events.ListAsync(new EventFilter(), 10, null, CancellationToken.None);
        Assert.Equal(["long-firing", "new"], left.Items.Select(i => i.Node.Fingerprint).Order(StringComparer.Ordinal));
    }
}
