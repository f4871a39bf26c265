using Cmdb.Domain.Changes;
using Cmdb.Domain.Graph;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>
/// A small production estate: shop (tier 1) needs app, which runs behind lb over a three-node cluster (two needed)
/// and on the single primary database db; reports (tier 3) needs rep-app, which needs a two-replica set (one needed).
/// </summary>
internal static class ChangeEstate
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static GraphIndex Build() => new GraphBuilder()
        .Ci("shop", BusinessService, environment: "production", criticality: 1)
        .Ci("app", Application, environment: "production", criticality: 1)
        .Ci("lb", LoadBalancer, minHealthy: 2, environment: "production")
        .Ci("node1", VirtualMachine, environment: "production").Ci("node2", VirtualMachine, environment: "production")
        .Ci("node3", VirtualMachine, environment: "production")
        .Ci("db", Database, environment: "production")
        .Ci("reports", BusinessService, environment: "production", criticality: 3)
        .Ci("rep-app", Application, environment: "production", criticality: 3)
        .Ci("rs", ReplicaSet, minHealthy: 1, environment: "production")
        .Ci("replica1", Database, environment: "production").Ci("replica2", Database, environment: "production")
        .Ci("scratch", VirtualMachine, environment: "staging")
        .Rel("shop", DependsOn, "app").Rel("app", DependsOn, "lb").Rel("app", DependsOn, "db")
        .Rel("lb", RoutesTo, "node1").Rel("lb", RoutesTo, "node2").Rel("lb", RoutesTo, "node3")
        .Rel("reports", DependsOn, "rep-app").Rel("rep-app", DependsOn, "rs")
        .Rel("replica1", MemberOf, "rs").Rel("replica2", MemberOf, "rs")
        .Build();

    public static ChangeSpec Spec(
        string[] targets, ChangeType type = ChangeType.Normal, int startHour = 10, int hours = 2, string? rollback = "Restore the snapshot.",
        string? tests = "Passed in staging.", string? template = null, IReadOnlyList<TopologyEdit>? edits = null) =>
        new("Change", null, type, Now.AddHours(startHour), Now.AddHours(startHour + hours), targets,
            "ops", rollback, tests, template, edits);

    public static ChangeRecord Record(string id, ChangeSpec spec, ChangeState state = ChangeState.Scheduled) =>
        new(id, spec with { Title = $"Change {id}" }, state, null, null, Now, Now, 1);

    public static ChangeRiskContext Context(
        GraphIndex graph, IReadOnlyList<ChangeRecord>? others = null, IReadOnlyList<ChangeOutcomeEntry>? history = null,
        IReadOnlyDictionary<string, CiFacts>? facts = null) =>
        new(graph, others ?? [], history ?? [], facts ?? new Dictionary<string, CiFacts>(), Now);

    /// <summary>An active template, reviewed until a year after <see cref="Now"/>.</summary>
    public static ChangeTemplate Template(string id, string className, RiskLevel max = RiskLevel.Low, bool active = true, int reviewInDays = 365) =>
        new(id, new ChangeTemplateSpec($"Template {id}", null, className, "Follow the runbook.", max, "CAB 2026-05", Now.AddDays(reviewInDays)),
            active, Now, Now, 1);

    public static ChangeRiskOptions FreezeOn(int startHour, int hours)
    {
        var options = new ChangeRiskOptions();
        options.FreezeWindows.Add(new FreezeWindow { Name = "peak", Start = Now.AddHours(startHour), End = Now.AddHours(startHour + hours) });
        return options;
    }
}
