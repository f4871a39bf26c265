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

    private static ConfigurationItem Snapshot(Dictionary<string, AttributeProvenance> provenance) => new(
        "01JTESTCI0000000000000000A", "Application", "Payments API", CiStatus.Active, "production", 1, "alice", "payments-oncall",
        ["pci"], new JsonObject { ["version"] = "2.4.1" }, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["fqdn"] = "pay.example.com" },
        null, provenance, [new SourceSighting("discovery:k8s:run-1", T1, T2)], T1, T2, 3);

    private static byte[] Written(ConfigurationItem ci) => StoredSnapshot.Bytes(ci);
}
