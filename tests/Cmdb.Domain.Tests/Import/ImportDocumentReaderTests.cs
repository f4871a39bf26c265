using System.Text.Json;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using static Cmdb.Domain.Tests.ImportJson;

namespace Cmdb.Domain.Tests;

public sealed class ImportDocumentReaderTests
{
    private const string Document = """
        {
          "$comment": "a small estate",
          "cis": [
            {
              "class": "Application", "name": "Checkout", "status": "Active", "environment": "production",
              "criticality": 1, "owner": "Payments Team", "supportGroup": "payments-oncall", "tags": ["pci", "pci", "api"],
              "attributes": { "language": "kotlin", "ports": [8080, 8443], "nested": { "a": null } },
              "identifiers": { "cmdb.key": "app/checkout" }
            },
            { "id": "01JDQ8Z6X4M2T7YH3R9B5KC0VN", "class": "Pool", "name": "pool", "minHealthy": 2, "status": "MAINTENANCE" },
            { "class": "VirtualMachine", "name": "vm-01", "identifiers": { "vm.uuid": "4210-1", "fqdn": "vm-01.example" },
              "owner": null, "tags": null }
          ],
          "relationships": [
            { "type": "RUNS_ON", "source": { "cmdb.key": "app/checkout" }, "target": { "fqdn": "vm-01.example" },
              "attributes": { "port": 8080 } },
            { "type": "MEMBER_OF", "source": { "vm.uuid": "4210-1" }, "target": { "id": "01JDQ8Z6X4M2T7YH3R9B5KC0VN" } }
          ]
        }
        """;

    [Fact]
    public void Read_GoodDocument_ReturnsCiUpsertsThenRelationshipUpsertsWithPaths()
    {
        var batch = Read(Document);

        Assert.Equal(5, batch.Operations.Count);
        Assert.Equal(["cis[0]", "cis[1]", "cis[2]", "relationships[0]", "relationships[1]"], batch.Operations.Select(o => o.Path));
        Assert.All(batch.Operations.Take(3), o => Assert.IsType<UpsertCi>(o));
        Assert.All(batch.Operations.Skip(3), o => Assert.IsType<UpsertRelationship>(o));
    }

    [Fact]
    public void Read_GoodDocument_MapsEveryCiField()
    {
        var ci = (UpsertCi)Read(Document).Operations[0];

        Assert.Null(ci.Id);
        Assert.Equal("Application", ci.Class);
        var f = ci.Fields;
        Assert.Equal("Checkout", f.Name);
        Assert.Equal(CiStatus.Active, f.Status);
        Assert.Equal("production", f.Environment);
        Assert.Equal(1, f.Criticality);
        Assert.Equal("Payments Team", f.Owner);
        Assert.Equal("payments-oncall", f.SupportGroup);
        Assert.Equal(["pci", "pci", "api"], f.Tags!);
        Assert.Equal("kotlin", (string?)f.Attributes!["language"]);
        Assert.Equal(8443, (int?)f.Attributes["ports"]![1]);
        Assert.Equal("app/checkout", f.Identifiers!["cmdb.key"]);
        Assert.Null(f.MinHealthy);
    }

    [Fact]
    public void Read_CiById_KeepsIdStatusAndMinHealthy()
    {
        var ci = (UpsertCi)Read(Document).Operations[1];

        Assert.Equal("01JDQ8Z6X4M2T7YH3R9B5KC0VN", ci.Id);
        Assert.Equal(CiStatus.Maintenance, ci.Fields.Status);
        Assert.Equal(2, ci.Fields.MinHealthy);
        Assert.Empty(ci.Fields.Identifiers!);
    }

    [Fact]
    public void Read_NullOptionalField_MeansNotGiven()
    {
        var ci = (UpsertCi)Read(Document).Operations[2];

        Assert.Null(ci.Fields.Owner);
        Assert.Null(ci.Fields.Tags);
        Assert.Null(ci.Fields.Attributes);
        Assert.Equal(2, ci.Fields.Identifiers!.Count);
    }

    [Fact]
    public void Read_Relationships_ResolveEndsByIdentifierOrId()
    {
        var ops = Read(Document).Operations;

        var runsOn = (UpsertRelationship)ops[3];
        Assert.Equal("RUNS_ON", runsOn.Type);
        Assert.Equal(CiRef.ByIdentifier("cmdb.key", "app/checkout"), runsOn.Source);
        Assert.Equal(CiRef.ByIdentifier("fqdn", "vm-01.example"), runsOn.Target);
        Assert.Equal(8080, (int?)runsOn.Attributes!["port"]);
        var memberOf = (UpsertRelationship)ops[4];
        Assert.Equal(CiRef.ById("01JDQ8Z6X4M2T7YH3R9B5KC0VN"), memberOf.Target);
        Assert.Null(memberOf.Attributes);
    }

    [Fact]
    public void Read_JsonElement_BatchOutlivesTheDocument()
    {
        WriteBatch batch;
        using (var doc = JsonDocument.Parse(Document)) batch = ImportDocumentReader.Read(doc.RootElement);

        var ci = (UpsertCi)batch.Operations[0];
        Assert.Equal("{\"language\":\"kotlin\",\"ports\":[8080,8443],\"nested\":{\"a\":null}}", ci.Fields.Attributes!.ToJsonString());
    }

    [Fact]
    public void Read_SameDocumentTwice_GivesEqualOperations()
    {
        var first = Read(Document).Operations.OfType<UpsertRelationship>().Select(r => (r.Type, r.Source, r.Target));
        var second = Read(Document).Operations.OfType<UpsertRelationship>().Select(r => (r.Type, r.Source, r.Target));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Read_EmptyDocument_ReturnsEmptyBatch()
    {
        Assert.Empty(Read("{}").Operations);
        Assert.Empty(Read("""{ "cis": [], "relationships": [] }""").Operations);
    }

    [Theory]
    [InlineData("planned", CiStatus.Planned)]
    [InlineData("ACTIVE", CiStatus.Active)]
    [InlineData("Maintenance", CiStatus.Maintenance)]
    [InlineData("retired", CiStatus.Retired)]
    public void Read_Status_IsCaseInsensitive(string status, CiStatus expected)
    {
        var ci = (UpsertCi)Read(OneCi($"{Valid}, \"status\": \"{status}\"")).Operations[0];

        Assert.Equal(expected, ci.Fields.Status);
    }

    [Fact]
    public void Read_UnicodeText_IsKeptExactly()
    {
        var ci = (UpsertCi)Read(OneCi("""
            "class": "Application", "name": "Kasse 🛒 \u05e9\u05dc\u05d5\u05dd", "identifiers": { "cmdb.key": "app/ümlaut" }
            """)).Operations[0];

        Assert.Equal("Kasse 🛒 שלום", ci.Fields.Name);
        Assert.Equal("app/ümlaut", ci.Fields.Identifiers!["cmdb.key"]);
    }
}
