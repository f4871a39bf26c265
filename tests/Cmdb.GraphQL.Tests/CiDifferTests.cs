using System.Text.Json.Nodes;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;

namespace Cmdb.GraphQL.Tests;

public sealed class CiDifferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddDays(1);

    [Fact]
    public void Diff_SameSnapshot_HasNoChanges()
    {
        var ci = Ci();

        var diff = CiDiffer.Diff(ci.Id, T0, T1, ci, ci, [Rel("r1")], [Rel("r1")]);

        Assert.Empty(diff.FieldChanges);
        Assert.Empty(diff.RelationshipsAdded);
        Assert.Empty(diff.RelationshipsRemoved);
    }

    [Fact]
    public void Diff_ChangedFieldsTagsAttributesAndIdentifiers_ListsEachOnceInAuditForm()
    {
        var before = Ci();
        var after = before with
        {
            Status = CiStatus.Maintenance,
            Criticality = 1,
            Tags = ["a", "c"],
            Attributes = new JsonObject { ["cpu"] = 16, ["rack"] = "r2" },
            Identifiers = new Dictionary<string, string> { ["fqdn"] = "web-01.acme.test", ["serial"] = "S1" },
        };

        var diff = CiDiffer.Diff(before.Id, T0, T1, before, after, [], []);

        Assert.Equal(
            ["status", "criticality", "tags", "attributes.cpu", "attributes.os", "attributes.rack", "identifiers.serial"],
            diff.FieldChanges.Select(c => c.Field));
        Assert.Equal("\"maintenance\"", diff.FieldChanges[0].After!.ToJsonString());
        Assert.Equal("[\"a\",\"b\"]", diff.FieldChanges[2].Before!.ToJsonString());
        Assert.Null(diff.FieldChanges[4].After);
    }

    [Fact]
    public void Diff_CiCreatedInBetween_ListsEverySetFieldAsNew()
    {
        var after = Ci();

        var diff = CiDiffer.Diff(after.Id, T0, T1, null, after, [], [Rel("r1")]);

        Assert.Contains(diff.FieldChanges, c => c.Field == "class" && c.Before is null && c.After!.GetValue<string>() == "LinuxServer");
        Assert.Contains(diff.FieldChanges, c => c.Field == "name");
        Assert.Equal(["r1"], diff.RelationshipsAdded.Select(r => r.Id));
    }

    [Fact]
    public void Diff_RelationshipsByIdentity_SplitsAddedAndRemoved()
    {
        var ci = Ci();

        var diff = CiDiffer.Diff(ci.Id, T0, T1, ci, ci, [Rel("r1"), Rel("r2")], [Rel("r2"), Rel("r3")]);

        Assert.Equal(["r3"], diff.RelationshipsAdded.Select(r => r.Id));
        Assert.Equal(["r1"], diff.RelationshipsRemoved.Select(r => r.Id));
    }

    private static ConfigurationItem Ci() => new(
        "01J0000000000000000000000A", "LinuxServer", "web-01", CiStatus.Active, "production", 2, "Ops", null, ["a", "b"],
        new JsonObject { ["cpu"] = 8, ["os"] = "debian" }, new Dictionary<string, string> { ["fqdn"] = "web-01.acme.test" }, null,
        new Dictionary<string, AttributeProvenance>(), [], T0, T0, 1);

    private static Relationship Rel(string id) => new(id, "RUNS_ON", "a", "b", [], T0, null, "system:system");
}
