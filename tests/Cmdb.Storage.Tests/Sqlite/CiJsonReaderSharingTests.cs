using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// <see cref="CiJsonReader"/> compares property names in place, shares texts that repeat across snapshots
/// (<see cref="SnapshotStrings"/>) and builds empty or flat string-valued attributes without parsing a document: every
/// snapshot must still read back exactly as written, escapes, non-ASCII text, long texts and nested attributes included.
/// </summary>
public sealed class CiJsonReaderSharingTests
{
    private static readonly DateTimeOffset T1 = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    public static TheoryData<string> Attributes => new()
    {
        "{}",
        """{"engine":"postgresql","rack":"r12"}""",
        """{"note":"quote \" backslash \\ tab \t","city":"Zürich","emoji":"\ud83d\ude00"}""",
        """{"n":1.50,"big":12345678901234567890,"flag":true,"none":null}""",
        """{"nested":{"k":[1,"two",{"three":3.0}]},"after":"x"}""",
        """{"first":"a","second":2}""",
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Read_AnyAttributes_ReadsBackAsWritten(string attributes)
    {
        var ci = Snapshot(JsonNode.Parse(attributes)!.AsObject(), environment: "production", owner: "Zoë \"ops\"", tags: ["pci", "tier-1"]);
        var written = Written(ci);

        var read = CiJsonReader.Read(written);

        Assert.Equal(written, Written(read)); // every field, in order, byte for byte
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(attributes), read.Attributes));
        Assert.Equal(JsonNode.Parse(attributes)!.ToJsonString(), read.Attributes.ToJsonString());
    }

    [Fact]
    public void Read_EscapedLongAndNonAsciiTexts_ReadsThemExactly()
    {
        var longText = new string('x', SnapshotStrings.MaxLength + 1);
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("user:zoë", T1),
            ["attributes.größe"] = new(longText, T2),
            ["attributes.a\"b"] = new("user:alice", T2),
        };
        var ci = Snapshot(new JsonObject { ["größe"] = "1", ["a\"b"] = longText }, environment: "prod\nuction", owner: longText,
            tags: ["ü", longText, "a\\b"], provenance: provenance);

        var read = CiJsonReader.Read(Written(ci));

        Assert.Equal("prod\nuction", read.Environment);
        Assert.Equal(longText, read.Owner);
        Assert.Equal(["ü", longText, "a\\b"], read.Tags);
        Assert.Equal(provenance.OrderBy(p => p.Key, StringComparer.Ordinal), read.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal("1", read.Attributes["größe"]!.GetValue<string>());
        Assert.Equal(longText, read.Attributes["a\"b"]!.GetValue<string>());
    }

    [Fact]
    public void Read_TwoSnapshots_ShareTheTextsTheyRepeat()
    {
        // The table is process-wide: a test reading other snapshots on another thread may take a slot pair between the two
        // reads (by design that costs a new string, never a wrong one), so the pair is read again a few times; a reader
        // that never shares fails every attempt.
        var shared = Enumerable.Range(0, 10).Any(_ =>
        {
            var a = CiJsonReader.Read(Written(Snapshot(new JsonObject { ["rack"] = "r1" }, "production", "alice", ["pci"])));
            var b = CiJsonReader.Read(Written(Snapshot(new JsonObject { ["rack"] = "r2" }, "production", "alice", ["pci"])));
            Assert.NotSame(a.Id, b.Id); // ids and names are read as they are, never shared
            return ReferenceEquals(a.Class, b.Class)
                && ReferenceEquals(a.Environment, b.Environment)
                && ReferenceEquals(a.Tags[0], b.Tags[0])
                && ReferenceEquals(a.Identifiers.Keys.Single(), b.Identifiers.Keys.Single())
                && ReferenceEquals(a.Provenance.Keys.First(k => k == "environment"), b.Provenance.Keys.First(k => k == "environment"))
                && ReferenceEquals(a.Provenance["name"].Source, b.Provenance["name"].Source)
                && ReferenceEquals(a.Sources[0].Source, b.Sources[0].Source);
        });

        Assert.True(shared, "no attempt read the repeated texts as one string each");
    }

    [Fact]
    public void Read_DiscoveryShapedSnapshot_AllocatesAboutHalfWhatItUsedTo()
    {
        // The shape a 1M discovery first run reads 50k times: empty attributes, one identifier, four provenance entries.
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("system:benchmark", T1),
            ["status"] = new("system:benchmark", T1),
            ["environment"] = new("system:benchmark", T1),
            ["identifiers.k8s.uid"] = new("system:benchmark", T1),
        };
        var ci = new ConfigurationItem("01M8RGVYYH6JT17G7VCX7XBJQE", "KubernetesNamespace", "ns-0000010", CiStatus.Active, "production", null, null, null,
            [], [], new SortedDictionary<string, string>(StringComparer.Ordinal) { ["k8s.uid"] = "0000002a-000a-4000-8000-00000000000a" }, null,
            provenance, [], T1, T1, 1);
        var written = Written(ci);
        for (var i = 0; i < 3; i++) CiJsonReader.Read(written); // jitted, strings shared

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) CiJsonReader.Read(written);
        var perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;

        // The CI, its id, name and identifier value, the identifier map and the provenance map: 1,104 bytes. Property names
        // as strings, repeated texts as new strings and a parsed document for "{}" made it 2,272.
        Assert.True(perRead < 1_400, $"a read allocated {perRead} bytes");
    }

    private static ConfigurationItem Snapshot(
        JsonObject attributes, string? environment, string? owner, string[] tags, Dictionary<string, AttributeProvenance>? provenance = null) => new(
        "01JTESTCI0000000000000000" + (char)('A' + Random.Shared.Next(26)), "Application", "Payments API", CiStatus.Maintenance, environment, 1, owner,
        "payments-oncall", tags, attributes, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["fqdn"] = "pay.example.com" }, 2,
        provenance ?? new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal)
        {
            ["name"] = new("user:alice", T1),
            ["environment"] = new("discovery:k8s", T2),
        },
        [new SourceSighting("discovery:k8s", T1, T2), new SourceSighting("discovery:vmware", T2, T2)], T1, T2, 3);

    private static byte[] Written(ConfigurationItem ci) => StoredSnapshot.Bytes(ci);
}
