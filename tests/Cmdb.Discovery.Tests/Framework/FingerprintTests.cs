using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>The fingerprint decides "nothing new to say": equal content must hash equal, any change must not.</summary>
public sealed class FingerprintTests
{
    private static DiscoveredItem Item(
        string name = "web-1", string? owner = "team-a", Dictionary<string, string>? ids = null, JsonObject? attributes = null, string[]? tags = null) =>
        new(WellKnown.Classes.LinuxServer, name, ids ?? new Dictionary<string, string> { ["serial"] = "S1", ["fqdn"] = "web-1.example" },
            attributes ?? new JsonObject { ["os"] = "linux", ["cpus"] = 8, ["disks"] = new JsonArray("a", "b"), ["nic"] = new JsonObject { ["mac"] = "m", ["ip"] = "i" } })
        {
            Owner = owner, Tags = tags ?? ["prod", "eu"], Environment = "prod", Criticality = 2,
        };

    [Fact]
    public void Of_SameContentInAnotherOrder_IsEqual()
    {
        var reordered = Item(
            ids: new Dictionary<string, string> { ["fqdn"] = "web-1.example", ["serial"] = "S1" },
            attributes: new JsonObject { ["nic"] = new JsonObject { ["ip"] = "i", ["mac"] = "m" }, ["disks"] = new JsonArray("a", "b"), ["cpus"] = 8, ["os"] = "linux" },
            tags: ["eu", "prod"]);

        Assert.Equal(Fingerprint.Of(Item(), 5), Fingerprint.Of(reordered, 5));
    }

    [Fact]
    public void Of_ManyAttributes_IsOrderIndependent()
    {
        var forward = new JsonObject();
        var backward = new JsonObject();
        for (var i = 0; i < 40; i++) forward[$"k{i:00}"] = i;
        for (var i = 39; i >= 0; i--) backward[$"k{i:00}"] = i;

        Assert.Equal(Fingerprint.Of(Item(attributes: forward), 0), Fingerprint.Of(Item(attributes: backward), 0));
    }

    [Fact]
    public void Of_AnyChange_Differs()
    {
        var variants = new[]
        {
            Item(), Item(name: "web-2"), Item(owner: null), Item(owner: "team-b"),
            Item(name: "web-1t", owner: "eam-a"), // the same characters moved across a field boundary
            Item(ids: new Dictionary<string, string> { ["serial"] = "S1" }),
            Item(ids: new Dictionary<string, string> { ["serial"] = "S1", ["fqdn"] = "web-2.example" }),
            Item(attributes: new JsonObject { ["os"] = "linux", ["cpus"] = 9, ["disks"] = new JsonArray("a", "b"), ["nic"] = new JsonObject { ["mac"] = "m", ["ip"] = "i" } }),
            Item(attributes: new JsonObject { ["os"] = "linux", ["cpus"] = "8", ["disks"] = new JsonArray("a", "b"), ["nic"] = new JsonObject { ["mac"] = "m", ["ip"] = "i" } }),
            Item(attributes: new JsonObject { ["os"] = "linux", ["cpus"] = 8, ["disks"] = new JsonArray("b", "a"), ["nic"] = new JsonObject { ["mac"] = "m", ["ip"] = "i" } }),
            Item(attributes: new JsonObject()),
            Item(tags: ["prod"]),
            Item() with { Status = CiStatus.Maintenance },
            Item() with { Criticality = 1 },
            Item() with { MinHealthy = 2 },
        };

        var hashes = variants.Select(v => Fingerprint.Of(v, 5)).ToArray();

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.NotEqual(Fingerprint.Of(Item(), 5), Fingerprint.Of(Item(), 6)); // the precedence salt
    }

    [Fact]
    public void Of_Version2_KeepsTheValuesStoredByEarlierBuilds()
    {
        // Taken from the build before session 11 (ea5a52e): a stored fingerprint that no longer matches makes the next run
        // read and compare every item again, so a faster hash must hash to the same values.
        var single = new DiscoveredItem(WellKnown.Classes.Application, "app", new Dictionary<string, string> { ["cmdbKey"] = "k:1" },
            new JsonObject { ["rack"] = "r1", ["discovered"] = "yes" });

        Assert.Equal(6738681533662734183, Fingerprint.Of(Item(), 5));
        Assert.Equal(-2728981974910829903, Fingerprint.Of(single, 5));
    }

    [Fact]
    public void Of_ItemWithOneIdentifierAndTextAttributes_AllocatesNothing()
    {
        // Every item of every run is fingerprinted: at 100k items per run, a boxed enumerator per identifier map and per
        // attribute object was garbage enough for several more collections in an unchanged re-run.
        var item = new DiscoveredItem(WellKnown.Classes.Application, "app", new Dictionary<string, string> { ["cmdbKey"] = "k:1" },
            new JsonObject { ["rack"] = "r1", ["discovered"] = "yes", ["engine"] = "x" }) { Environment = "prod" };
        var expected = Fingerprint.Of(item, 3); // the first call makes the reused sorting array

        var same = 0;
        // The fewest bytes of five rounds: the runtime may allocate once while a round runs (tiering a method up);
        // garbage made by the fingerprint itself shows in every round, 100 times over.
        var allocated = Enumerable.Range(0, 5).Min(_ =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++) same += Fingerprint.Of(item, 3) == expected ? 1 : 0;
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });

        Assert.Equal(500, same);
        Assert.Equal(0, allocated);
    }
}
