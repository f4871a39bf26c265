using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A CI's identifiers are now a <see cref="SortedIdentifiers"/> (read from snapshots, made by the merge); the snapshot
/// and the digest walk its array. Both must give exactly what the ordinal <see cref="SortedDictionary{TKey, TValue}"/>
/// (and any other map, sorted by the digest) gave before.
/// </summary>
public sealed class SortedIdentifiersSnapshotTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private static readonly Dictionary<string, string> Pairs = new()
    {
        ["vm.uuid"] = "u-1", ["fqdn"] = "a.example", ["Serial"] = "S\u00e9r-1", ["vm"] = "v", ["vm-x"] = "w",
    };

    [Fact]
    public void Write_SortedIdentifiers_SameSnapshotAsTheSortedDictionary()
    {
        var before = Ci(new SortedDictionary<string, string>(Pairs, StringComparer.Ordinal));
        var now = Ci(SortedIdentifiers.Of(Pairs));

        Assert.Equal(Text(before), Text(now));
        Assert.Contains("\"identifiers\":{\"Serial\":\"S\\u00E9r-1\",\"fqdn\":\"a.example\",\"vm\":\"v\",\"vm-x\":\"w\",\"vm.uuid\":\"u-1\"}", Text(now), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SortedIdentifiers_SameDigestAsEveryOtherMapOfThePairs()
    {
        using var fingerprint = new CiFingerprint();

        var expected = fingerprint.Of(Ci(new SortedDictionary<string, string>(Pairs, StringComparer.Ordinal)));

        Assert.Equal(expected, fingerprint.Of(Ci(SortedIdentifiers.Of(Pairs))));
        Assert.Equal(expected, fingerprint.Of(Ci(Pairs)));
        Assert.Equal(expected, fingerprint.OfDoc(Encoding.UTF8.GetBytes(Text(Ci(SortedIdentifiers.Of(Pairs))))));
        Assert.NotEqual(expected, fingerprint.Of(Ci(SortedIdentifiers.Of(new Dictionary<string, string>(Pairs) { ["fqdn"] = "b.example" }))));
    }

    [Fact]
    public void Read_Snapshot_GivesSortedIdentifiersInOrdinalOrder()
    {
        var read = CiJsonReader.Read(Encoding.UTF8.GetBytes(Text(Ci(Pairs)))); // written in the Dictionary's own order

        var identifiers = Assert.IsType<SortedIdentifiers>(read.Identifiers);
        Assert.Equal(Pairs.OrderBy(p => p.Key, StringComparer.Ordinal), identifiers.Pairs.ToArray());
        Assert.Equal(Text(Ci(SortedIdentifiers.Of(Pairs))), Text(read));
    }

    [Fact]
    public void Read_SnapshotWithoutIdentifiers_GivesTheEmptyMap()
    {
        var read = CiJsonReader.Read(Encoding.UTF8.GetBytes(Text(Ci(SortedIdentifiers.Empty))));

        Assert.Empty(read.Identifiers);
    }

    private static ConfigurationItem Ci(IReadOnlyDictionary<string, string> identifiers) => new(
        "01JTESTCI0000000000000000A", "VirtualMachine", "vm-1", CiStatus.Active, "production", 2, "ops", null,
        ["alpha"], new JsonObject { ["cpu"] = 4 }, identifiers, null,
        new Dictionary<string, AttributeProvenance> { ["name"] = new("user:alice", At), ["identifiers.fqdn"] = new("user:alice", At) },
        [], At, At, 3);

    private static string Text(ConfigurationItem ci) => StoredSnapshot.Text(ci);
}
