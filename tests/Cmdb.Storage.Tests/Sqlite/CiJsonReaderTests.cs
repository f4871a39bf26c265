using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// <see cref="CiJsonReader"/> shares a provenance entry with the one before it when source and time are equal: a
/// snapshot whose fields were set by different sources at different times must still read back entry for entry.
/// </summary>
public sealed class CiJsonReaderTests
{
    private static readonly DateTimeOffset T1 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    [Fact]
    public void Read_ProvenanceFromInterleavedSourcesAndTimes_ReadsEveryEntryBack()
    {
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("user:alice", T1),
            ["owner"] = new("user:alice", T1),
            ["environment"] = new("discovery:k8s:run-1", T1), // same time, other source
            ["criticality"] = new("discovery:k8s:run-1", T2), // same source, other time
            ["attributes.version"] = new("user:alice", T2),
            ["identifiers.fqdn"] = new("user:alice", T2),
            ["tags"] = new("discovery:k8s:run-1", T1),
        };
        var ci = Snapshot(provenance);

        var read = CiJsonReader.Read(Written(ci));

        Assert.Equal(provenance.OrderBy(p => p.Key, StringComparer.Ordinal), read.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(ci.Sources, read.Sources);
        Assert.Equal(ci.Identifiers, read.Identifiers);
    }

    [Fact]
    public void Read_EqualConsecutiveEntries_ShareOneRecord()
    {
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("user:alice", T1),
            ["owner"] = new("user:alice", T1),
            ["environment"] = new("user:bob", T1),
        };

        var read = CiJsonReader.Read(Written(Snapshot(provenance)));

        Assert.Same(read.Provenance["name"], read.Provenance["owner"]);
        Assert.NotSame(read.Provenance["owner"], read.Provenance["environment"]);
        Assert.Equal(new AttributeProvenance("user:bob", T1), read.Provenance["environment"]);
    }

    [Fact]
    public void Read_MoreProvenanceEntriesThanItsScratchHolds_ReadsEveryOneInOrder()
    {
        // Entries are gathered on a per-thread scratch of 16 before the map is made: 40 make it grow, and a second
        // snapshot on the same thread must not see the first one's entries.
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++) provenance[$"attributes.a{i:D2}"] = new(i % 3 == 0 ? "user:alice" : "discovery:k8s:run-1", i % 2 == 0 ? T1 : T2);

        var read = CiJsonReader.Read(Written(Snapshot(provenance)));
        var small = CiJsonReader.Read(Written(Snapshot(new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal) { ["name"] = new("user:bob", T2) })));

        Assert.Equal(provenance, read.Provenance); // same entries, and the written order
        Assert.Equal(new KeyValuePair<string, AttributeProvenance>("name", new("user:bob", T2)), Assert.Single(small.Provenance));
    }

    [Fact]
    public void Read_EscapedSourcesBetweenEqualPlainOnes_ReadEachExactly()
    {
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("user:zoë \"ops\"", T1),
            ["owner"] = new("user:zoë \"ops\"", T1), // escaped, equal to the one before
            ["environment"] = new("user:alice", T1),
            ["criticality"] = new("user:alice", T1), // plain, equal to the one before
            ["tags"] = new("user:alicf", T1), // plain, one byte off
            ["status"] = new("user:zoë \"ops\"", T1),
        };

        var read = CiJsonReader.Read(Written(Snapshot(provenance)));

        Assert.Equal(provenance, read.Provenance);
        Assert.Same(read.Provenance["name"], read.Provenance["owner"]);
        Assert.Same(read.Provenance["environment"], read.Provenance["criticality"]);
        Assert.NotSame(read.Provenance["criticality"], read.Provenance["tags"]);
    }

    [Fact]
    public void Read_ARepeatedProvenanceField_KeepsItsLastEntry()
    {
        // Never written by the store; a hand-made snapshot must still read as a map would have it.
        var text = StoredSnapshot.Text(Snapshot(new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal) { ["name"] = new("user:alice", T1) }))
            .Replace("""{"name":{"source":"user:alice","at":1700000000000}}""",
                """{"name":{"source":"user:alice","at":1700000000000},"owner":{"source":"user:bob","at":1700000000000},"name":{"source":"user:carol","at":1700000300000}}""",
                StringComparison.Ordinal);

        Assert.Contains("user:carol", text, StringComparison.Ordinal);
        var read = CiJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(2, read.Provenance.Count);
        Assert.Equal(new AttributeProvenance("user:carol", T2), read.Provenance["name"]);
        Assert.Equal(new AttributeProvenance("user:bob", T1), read.Provenance["owner"]);
    }

    [Theory]
    [InlineData("""{"a":"x","b":"y","c":{"d":"e"},"f":"g"}""")]
    [InlineData("""{"a":"x","b":"y","n":[1,"two"]}""")]
    [InlineData("""{"a":"x","n":1.50}""")]
    [InlineData("""{"a":"x","b":null}""")]
    [InlineData("""{"a":"x","b":"y"}""")]
    public void Read_AttributesThatStopBeingFlatPartWay_ReadTheWholeObjectExactly(string attributes)
    {
        // Flat string-valued attributes are built as they are read; one that is not flat is read again from its start.
        var ci = Snapshot(new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)) with { Attributes = JsonNode.Parse(attributes)!.AsObject() };

        var read = CiJsonReader.Read(Written(ci));

        Assert.Equal(attributes, read.Attributes.ToJsonString());
        Assert.Equal("pay.example.com", read.Identifiers["fqdn"]); // what follows the attributes is read too
        Assert.Equal(3, read.Version);
    }

    private static ConfigurationItem Snapshot(Dictionary<string, AttributeProvenance> provenance) => new(
        "01JTESTCI0000000000000000A", "Application", "Payments API", CiStatus.Active, "production", 1, "alice", "payments-oncall",
        ["pci"], new JsonObject { ["version"] = "2.4.1" }, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["fqdn"] = "pay.example.com" },
        null, provenance, [new SourceSighting("discovery:k8s:run-1", T1, T2)], T1, T2, 3);

    private static byte[] Written(ConfigurationItem ci) => StoredSnapshot.Bytes(ci);
}
