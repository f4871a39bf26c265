using System.Text.Json.Nodes;
using Cmdb.Domain.Changes;
using Cmdb.Domain.History;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeVerifierAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 3, 0, TimeSpan.Zero);

    private static readonly ChangeSpec Spec = new(
        "Patch app", null, ChangeType.Normal, At.AddMinutes(-2), At.AddMinutes(30), ["app"],
        Edits: [new TopologyEdit(TopologyEditKind.SetField, CiId: "db", Field: "attributes.version", Value: "15")]);

    private static CiAuditEntry Write(long seq, string kind, string operation, string ciId, params string[] fields) =>
        new(new AuditEntry(seq, At.AddSeconds(seq), "user:bob", operation, kind, ciId,
            [.. fields.Select(f => new FieldChange(f, JsonValue.Create("old"), JsonValue.Create("new")))]), ciId, null);

    [Fact]
    public void WithAuditedChanges_AttributeWritesOnUndeclaredCis_AreReportedWithTheirFields()
    {
        var graphOnly = new ChangeVerification("c1", true, [], [new UndeclaredChange(UndeclaredChangeKind.CiChanged, "cache", null, null, At)]);
        var audit = new[]
        {
            Write(1, AuditNames.Ci, AuditNames.Update, "app", "attributes.version"),      // a target: declared
            Write(2, AuditNames.Ci, AuditNames.Update, "db", "attributes.version"),       // edited by the change: declared
            Write(3, AuditNames.Ci, AuditNames.Update, "cache", "criticality"),           // already seen in the graph
            Write(4, AuditNames.Ci, AuditNames.Update, "lb", "attributes.tls", "owner"),  // attribute-only: the graph cannot see it
            Write(5, AuditNames.Ci, AuditNames.Update, "lb", "attributes.tls"),
            Write(6, AuditNames.Relationship, AuditNames.Relate, "lb", "type"),           // relationships come from the graph
        };

        var result = ChangeVerifier.WithAuditedChanges(graphOnly, Spec, audit);

        Assert.Equal(
            [("cache", "criticality", At), ("lb", "attributes.tls,owner", At.AddSeconds(5))],
            result.Undeclared.Select(u => (u.CiId, string.Join(',', u.Fields), u.At)));
        Assert.All(result.Undeclared, u => Assert.Equal(UndeclaredChangeKind.CiChanged, u.Kind));
        Assert.False(result.Clean);
    }

    [Fact]
    public void WithAuditedChanges_OnlyDeclaredWrites_LeavesTheVerificationClean()
    {
        var clean = new ChangeVerification("c1", true, [], []);

        var result = ChangeVerifier.WithAuditedChanges(clean, Spec, [Write(1, AuditNames.Ci, AuditNames.Update, "app", "attributes.version")]);

        Assert.True(result.Clean);
        Assert.Same(clean, result);
    }
}
