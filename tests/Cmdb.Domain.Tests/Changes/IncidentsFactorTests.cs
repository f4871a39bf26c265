using Cmdb.Domain.Changes;
using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>The incidents factor: open and recent incidents and firing alerts in the blast radius.</summary>
public class IncidentsFactorTests
{
    private readonly ChangeRiskAssessor _assessor = new(new ChangeRiskOptions());

    private static Incident Incident(string id, IncidentState state, int daysAgo, params string[] cis) => new(
        id, $"Trouble {id}", null, Severity.Sev2, state, Now.AddDays(-daysAgo), [.. cis.Select(c => new IncidentSymptom(c, Now.AddDays(-daysAgo), "ops"))],
        null, null, null, Now, Now, 1);

    private static MonitoringEvent Firing(string id, string ci) => new(
        id, "fp", "prometheus", "HighLatency", "warning", EventStatus.Firing, new Dictionary<string, string>(), new Dictionary<string, string>(),
        Now.AddHours(-1), null, Now, ci, "label");

    private RiskFactor Factor(IReadOnlyList<Incident>? incidents = null, IReadOnlyList<MonitoringEvent>? events = null, string target = "node1") =>
        _assessor.Assess(Spec([target]), null, Context(Build()) with { Incidents = incidents ?? [], FiringEvents = events ?? [] })
            .Factors.Single(f => f.Name == RiskFactorNames.Incidents);

    [Fact]
    public void Assess_NoTrouble_FactorIsZero()
    {
        var f = Factor();

        Assert.Equal((0.0, 0), (f.Value, f.Contribution));
        Assert.Equal("No open incident, firing alert or incident in the last 30 days touches the blast radius.", f.Explanation);
    }

    [Fact]
    public void Assess_OpenIncidentOnAReachedServiceFiringAlertAndRecentIncident_EachRaiseTheSignal()
    {
        var recent = Factor([Incident("i1", IncidentState.Resolved, 3, "app")]);
        var firing = Factor([Incident("i1", IncidentState.Resolved, 3, "app")], [Firing("e1", "lb")]);
        var open = Factor([Incident("i1", IncidentState.Resolved, 3, "app"), Incident("i2", IncidentState.Investigating, 0, "shop")], [Firing("e1", "lb")]);

        Assert.Equal((1.0, 0.25), (recent.Value, recent.Signal));
        Assert.Equal((2.0, 0.75), (firing.Value, firing.Signal));
        Assert.Equal((3.0, 1.0), (open.Value, open.Signal));
        Assert.Equal("The blast radius already has trouble: 1 open incident (i2 SEV2: Trouble i2); 1 firing alert (HighLatency); 1 incident in the last 30 days.",
            open.Explanation);
        Assert.Equal(["lb", "shop"], open.CiIds);
    }

    [Fact]
    public void Assess_TroubleOutsideTheBlastRadiusOrOlderThanTheLookback_IsIgnored()
    {
        var f = Factor([Incident("old", IncidentState.Closed, 45, "app"), Incident("elsewhere", IncidentState.Open, 0, "reports")], [Firing("e1", "scratch")]);

        Assert.Equal(0, f.Value);
    }

    [Fact]
    public void Check_LookbackBelowOneDay_IsRefused()
    {
        var errors = ChangeRiskOptionsRules.Check(new ChangeRiskOptions { IncidentLookbackDays = 0 });

        Assert.Equal("Cmdb:ChangeRisk:IncidentLookbackDays must be at least 1; got 0.", Assert.Single(errors));
    }
}
