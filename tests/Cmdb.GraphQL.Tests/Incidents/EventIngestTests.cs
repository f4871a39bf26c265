using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Incidents;

public sealed class EventIngestTests(IncidentEstateFixture estate) : IClassFixture<IncidentEstateFixture>
{
    private const string OrdersKey = "pg-orders-01.prod.fra1.acme.internal:5432";
    private readonly IncidentApi _api = new(estate.Host);

    [Fact]
    public async Task IngestEvents_MappedAndUnmapped_AreStoredAndQueryable()
    {
        var db = await _api.IdAsync(WellKnown.Identifiers.DbKey, OrdersKey);

        var result = await _api.IngestAsync(
        [
            IncidentApi.Event("FIRING", "g-1", ("alertname", "PostgresDown"), ("instance", OrdersKey), ("severity", "critical")),
            IncidentApi.Event("FIRING", "g-2", ("alertname", "Mystery"), ("instance", "unknown-host:9100")),
        ]);

        Assert.Equal((2, 2, 0, 1, 1), (Int(result, "accepted"), Int(result, "created"), Int(result, "updated"), Int(result, "mapped"), Int(result, "unmapped")));
        Assert.Equal(db, result["outcomes"]![0]!["ciId"]!.GetValue<string>());
        Assert.Equal("label:instance->db.key", result["outcomes"]![0]!["mappedBy"]!.GetValue<string>());
        var read = IncidentApi.Data(await estate.Host.ExecuteAsync(
            """
            query($db: ID!) {
              ci(id: $db) { events(firing: true) { name severity status labels ci { id } } }
              unmapped: events(unmappedOnly: true) { totalCount nodes { name ciId } }
              onDb: events(ciId: $db, status: FIRING) { totalCount }
            }
            """, new JsonObject { ["db"] = db }.ToJsonString()));
        var onCi = Assert.Single(read["ci"]!["events"]!.AsArray())!;
        Assert.Equal(("PostgresDown", "critical", "FIRING"), (onCi["name"]!.GetValue<string>(), onCi["severity"]!.GetValue<string>(), onCi["status"]!.GetValue<string>()));
        Assert.Equal(OrdersKey, onCi["labels"]!["instance"]!.GetValue<string>());
        Assert.Equal("Mystery", read["unmapped"]!["nodes"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, read["onDb"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task IngestEvents_ReSentResolved_UpdatesTheSameEvent()
    {
        var firing = await _api.IngestAsync([IncidentApi.Event("FIRING", "d-1", ("alertname", "DiskFull"), ("instance", OrdersKey))]);
        var resolved = IncidentApi.Event("RESOLVED", "d-1", ("alertname", "DiskFull"), ("instance", OrdersKey));
        resolved["endsAt"] = "2026-01-01T00:50:00Z";

        var update = await _api.IngestAsync([resolved]);

        Assert.Equal((0, 1), (Int(update, "created"), Int(update, "updated")));
        var id = firing["outcomes"]![0]!["eventId"]!.GetValue<string>();
        Assert.Equal(id, update["outcomes"]![0]!["eventId"]!.GetValue<string>());
        var read = IncidentApi.Data(await estate.Host.ExecuteAsync("query($id: ID!) { event(id: $id) { status endsAt } }", new JsonObject { ["id"] = id }.ToJsonString()))["event"]!;
        Assert.Equal(("RESOLVED", "2026-01-01T00:50:00+00:00"), (read["status"]!.GetValue<string>(), read["endsAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task IngestEvents_BadValues_AreRefusedWholeWithCode()
    {
        var before = await _api.CountAsync("events");
        var good = IncidentApi.Event("FIRING", "b-1", ("alertname", "X"));
        var duplicateLabel = IncidentApi.Event("FIRING", "b-2", ("a", "1"), ("a", "2"));
        var unknownCi = IncidentApi.Event("FIRING", "b-3", ("alertname", "X"));
        unknownCi["ciId"] = "ghost";
        var backwards = IncidentApi.Event("RESOLVED", "b-4", ("alertname", "X"));
        backwards["endsAt"] = "2026-01-01T00:00:00Z";
        var noLabels = IncidentApi.Event("FIRING", "b-5");
        var badStatus = IncidentApi.Event("BURNING", "b-6", ("alertname", "X"));

        ErrorAssert.Expect(await _api.IngestRawAsync([]), "VALIDATION", "at least one event");
        ErrorAssert.Expect(await _api.IngestRawAsync([good.DeepClone(), duplicateLabel]), "VALIDATION", "twice");
        ErrorAssert.Expect(await _api.IngestRawAsync([good.DeepClone(), unknownCi]), "NOT_FOUND", "'ghost'");
        ErrorAssert.Expect(await _api.IngestRawAsync([good.DeepClone(), backwards]), "VALIDATION", "before it starts");
        ErrorAssert.Expect(await _api.IngestRawAsync([noLabels]), "VALIDATION", "label");
        ErrorAssert.Expect(await _api.IngestRawAsync([badStatus]), "VALIDATION", "BURNING");
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ events(ciId: \"x\", unmappedOnly: true) { totalCount } }"), "VALIDATION", "not both");

        Assert.Equal(before, await _api.CountAsync("events"));
    }

    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();
}
