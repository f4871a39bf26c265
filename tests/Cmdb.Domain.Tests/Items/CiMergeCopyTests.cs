using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Tests;

/// <summary>
/// What an update's merge shares with the CI it updates, and what it must not: the old CI is still in use (a batch's
/// pending state, a read-ahead, a caller's copy), so the new CI owns every mutable object it holds, and the audit's
/// before and after values belong to neither. Immutable parts (the identifier map, provenance records) may be shared.
/// </summary>
public sealed class CiMergeCopyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddHours(1);
    private static readonly Actor Scanner = new(ActorKind.Discovery, "vcenter", "run-7");
    private readonly ModelCatalog _model = TestModel.Load();

    private ConfigurationItem Server() => CiMerge.Apply(_model, _model.GetClass("LinuxServer"), null, "01JDQ8Z6X4M2T7YH3R9B5KC0VN", new CiFields
    {
        Name = "web-01",
        Attributes = new JsonObject { ["os"] = "linux", ["cpu"] = 8, ["memoryGb"] = 32, ["disks"] = new JsonArray(1, 2) },
        Identifiers = new Dictionary<string, string> { ["serial"] = "X1", ["fqdn"] = "web-01.example" },
    }, new Actor(ActorKind.User, "alice"), T0, "cis[0]").Ci;

    private CiMerge.Result Update(ConfigurationItem ci, CiFields fields) =>
        CiMerge.Apply(_model, _model.GetClass(ci.Class), ci, ci.Id, fields, new AttributeProvenance("discovery:vcenter", T1), "cis[0]");

    [Fact]
    public void Update_ChangingAttributes_NewCiOwnsEveryNodeAndTheOldCiIsUnchanged()
    {
        var old = Server();
        var oldText = old.Attributes.ToJsonString();

        var r = Update(old, new CiFields { Attributes = new JsonObject { ["cpu"] = 16, ["rack"] = "R01", ["memoryGb"] = null } });

        Assert.NotSame(old.Attributes, r.Ci.Attributes);
        Assert.Equal(oldText, old.Attributes.ToJsonString());
        foreach (var (key, node) in r.Ci.Attributes)
        {
            Assert.Same(r.Ci.Attributes, node!.Parent);
            Assert.NotSame(old.Attributes[key], node);
        }

        // Changing the new CI's nested value must not reach the old one.
        r.Ci.Attributes["disks"]!.AsArray().Add(3);
        Assert.Equal(oldText, old.Attributes.ToJsonString());
    }

    [Fact]
    public void Update_NotTouchingAttributes_NewCiStillGetsItsOwnAttributeObject()
    {
        var old = Server();

        var r = Update(old, new CiFields { Owner = "ops" });

        Assert.NotSame(old.Attributes, r.Ci.Attributes);
        Assert.NotSame(old.Attributes["disks"], r.Ci.Attributes["disks"]);
        r.Ci.Attributes["os"] = "windows";
        Assert.Equal("linux", old.Attributes["os"]!.GetValue<string>());
    }

    [Fact]
    public void Update_AuditValues_BelongToNeitherCi()
    {
        var old = Server();
        var requested = new JsonObject { ["cpu"] = 16, ["rack"] = "R01", ["disks"] = null };

        var r = Update(old, new CiFields { Attributes = requested });

        Assert.Equal(["attributes.cpu", "attributes.disks", "attributes.rack"], r.Changes.Select(c => c.Field));
        foreach (var change in r.Changes)
        {
            Assert.Null(change.Before?.Parent);
            Assert.Null(change.After?.Parent);
        }

        Assert.Equal("8", r.Changes[0].Before!.ToJsonString());
        Assert.Equal("16", r.Changes[0].After!.ToJsonString());
        Assert.Equal("[1,2]", r.Changes[1].Before!.ToJsonString());
        Assert.Null(r.Changes[1].After);
        Assert.Null(r.Changes[2].Before);
        Assert.NotSame(r.Ci.Attributes["rack"], r.Changes[2].After);
        Assert.NotSame(requested["rack"], r.Changes[2].After);

        // Changing an audit value must not reach either CI (nor the write's own object).
        r.Changes[1].Before!.AsArray().Add(9);
        Assert.Equal("[1,2]", old.Attributes["disks"]!.ToJsonString());
        Assert.Equal("""{"cpu":16,"rack":"R01","disks":null}""", requested.ToJsonString());
    }

    [Fact]
    public void Update_Provenance_IsANewMapInTheOrderOfCopyThenChanges()
    {
        var old = Server();
        var oldFields = old.Provenance.Keys.ToArray();

        var r = Update(old, new CiFields { Owner = "ops", Attributes = new JsonObject { ["memoryGb"] = null, ["rack"] = "R01", ["cpu"] = 16 } });

        // The order the snapshot writes: a copy of the old map, then each change in turn (a removal frees a slot that the
        // next new entry takes, as in the Dictionary the merge has always copied into).
        var expected = new Dictionary<string, AttributeProvenance>(old.Provenance);
        var stamp = new AttributeProvenance("discovery:vcenter", T1);
        expected["owner"] = stamp;
        expected["attributes.cpu"] = stamp;
        expected.Remove("attributes.memoryGb");
        expected["attributes.rack"] = stamp;
        Assert.Equal(expected.ToArray(), r.Ci.Provenance.ToArray());
        Assert.NotSame(old.Provenance, r.Ci.Provenance);
        Assert.Equal(oldFields, old.Provenance.Keys);
        Assert.Equal(new AttributeProvenance("user:alice", T0), old.Provenance["attributes.cpu"]);
    }

    [Fact]
    public void Update_StampGiven_SameCiAndChangesAsTheActorForm()
    {
        var old = Server();
        var fields = new CiFields { Owner = "ops", Identifiers = new Dictionary<string, string> { ["asset"] = "A-7" }, Attributes = new JsonObject { ["rack"] = "R01" } };

        var viaActor = CiMerge.Apply(_model, _model.GetClass("LinuxServer"), old, old.Id, fields, Scanner, T1, "cis[0]");
        var stamp = new AttributeProvenance(Scanner.Describe(), T1);
        var viaStamp = CiMerge.Apply(_model, _model.GetClass("LinuxServer"), old, old.Id, fields, stamp, "cis[0]");

        Assert.Equal(viaActor.Ci.Provenance.ToArray(), viaStamp.Ci.Provenance.ToArray());
        Assert.Same(stamp, viaStamp.Ci.Provenance["owner"]);
        Assert.Equal(viaActor.Changes.Select(c => (c.Field, c.Before?.ToJsonString(), c.After?.ToJsonString())),
            viaStamp.Changes.Select(c => (c.Field, c.Before?.ToJsonString(), c.After?.ToJsonString())));
        Assert.Equal(viaActor.Ci.Attributes.ToJsonString(), viaStamp.Ci.Attributes.ToJsonString());
        Assert.Equal(viaActor.Ci.Identifiers.ToArray(), viaStamp.Ci.Identifiers.ToArray());
        Assert.Equal((T0, T1, 2L), (viaStamp.Ci.CreatedAt, viaStamp.Ci.UpdatedAt, viaStamp.Ci.Version));
    }

    [Fact]
    public void Update_Identifiers_UnchangedMapIsSharedAndAChangedOneIsNew()
    {
        var old = Server();

        var sameIds = Update(old, new CiFields { Owner = "ops", Identifiers = new Dictionary<string, string> { ["serial"] = "X1" } });
        var newIds = Update(old, new CiFields { Identifiers = new Dictionary<string, string> { ["serial"] = "X2", ["asset"] = "A-7" } });

        Assert.IsType<SortedIdentifiers>(old.Identifiers);
        Assert.Same(old.Identifiers, sameIds.Ci.Identifiers); // immutable: nothing to protect
        Assert.Equal([new("asset", "A-7"), new("fqdn", "web-01.example"), new("serial", "X2")], newIds.Ci.Identifiers.ToArray());
        Assert.Equal([new("fqdn", "web-01.example"), new("serial", "X1")], old.Identifiers.ToArray());
        Assert.Equal(["identifiers.asset", "identifiers.serial"], newIds.Changes.Select(c => c.Field));
        Assert.Equal("\"X1\"", newIds.Changes[1].Before!.ToJsonString());
    }

    [Fact]
    public void Update_OldCiHoldingAnotherMapType_GetsTheSameOrderedIdentifiers()
    {
        var old = Server() with { Identifiers = new Dictionary<string, string> { ["serial"] = "X1", ["fqdn"] = "web-01.example" } };

        var r = Update(old, new CiFields { Owner = "ops" });

        Assert.Equal([new("fqdn", "web-01.example"), new("serial", "X1")], r.Ci.Identifiers.ToArray());
    }
}
