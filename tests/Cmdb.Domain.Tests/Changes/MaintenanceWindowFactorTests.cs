using Cmdb.Domain.Changes;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>The maintenanceWindow factor. ChangeEstate.Now is Monday 2026-06-01 00:00 UTC; Spec windows start at Now + startHour.</summary>
public class MaintenanceWindowFactorTests
{
    private static RiskFactor Factor(ChangeAssessment a) => a.Factors.Single(f => f.Name == RiskFactorNames.MaintenanceWindow);

    private static ChangeRiskContext With(params (string Id, string Window)[] windows) =>
        Context(Build()) with { MaintenanceWindows = windows.ToDictionary(w => w.Id, w => w.Window) };

    [Fact]
    public void Assess_NoWindowsAnywhere_FactorIsZeroAndSaysSo()
    {
        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"]), null, Context(Build()));

        Assert.Equal(0, Factor(result).Value);
        Assert.Equal("No changed CI or business service reached has a maintenance window.", Factor(result).Explanation);
    }

    [Fact]
    public void Assess_ChangeInsideTheTargetsOwnWindow_AddsNothing()
    {
        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"], startHour: 9), null, With(("node1", "Mon 08:00-14:00 UTC")));

        Assert.Equal(0, Factor(result).Contribution);
        Assert.Equal("The window lies inside the maintenance window of the one CI that has one.", Factor(result).Explanation);
    }

    [Fact]
    public void Assess_ChangeOutsideTargetAndReachedServiceWindows_CountsBothAndNamesThem()
    {
        var assessor = new ChangeRiskAssessor(new ChangeRiskOptions());
        var inside = assessor.Assess(Spec(["node1"], startHour: 9), null, With(("node1", "Mon 08:00-14:00 UTC"), ("shop", "Daily 00:00-24:00 UTC")));
        var outside = assessor.Assess(Spec(["node1"], startHour: 9), null, With(("node1", "Sun 02:00-06:00 Europe/London"), ("shop", "Tue 01:00-03:00 UTC")));

        Assert.Equal(2, Factor(outside).Value);
        Assert.Equal(1, Factor(outside).Signal);
        Assert.Equal(10, Factor(outside).Contribution);
        Assert.Equal("The window falls outside the maintenance window of 2 of the 2 CIs that have one: node1 (Sun 02:00-06:00 Europe/London), "
            + "shop (Tue 01:00-03:00 UTC).", Factor(outside).Explanation);
        Assert.Equal(["node1", "shop"], Factor(outside).CiIds);
        Assert.True(outside.Score > inside.Score);
    }

    [Fact]
    public void Assess_UnreadableWindowAttribute_CountsAsOutsideAndSaysWhy()
    {
        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"]), null, With(("node1", "weekends, ask Bob")));

        Assert.Equal(1, Factor(result).Value);
        Assert.Contains("node1 (its window cannot be read)", Factor(result).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ConfiguredRuleByClassAndEnvironment_AppliesToMatchingCisOnly_FirstMatchWins()
    {
        var options = new ChangeRiskOptions();
        var databases = new MaintenanceWindowRule { Name = "prod databases", Window = "Sat 00:00-06:00 UTC" };
        databases.Classes.Add("Database");
        databases.Environments.Add("PRODUCTION");
        var everything = new MaintenanceWindowRule { Name = "production", Window = "Daily 00:00-24:00 UTC" };
        everything.Environments.Add("production");
        options.MaintenanceWindows.Add(databases);
        options.MaintenanceWindows.Add(everything);
        var assessor = new ChangeRiskAssessor(options);

        var db = assessor.Assess(Spec(["db"]), null, Context(Build()));
        var vm = assessor.Assess(Spec(["node1"]), null, Context(Build()));
        var own = assessor.Assess(Spec(["db"], startHour: 9), null, With(("db", "Mon 08:00-14:00 UTC")));

        Assert.Equal(1, Factor(db).Value);
        Assert.Contains("db (Sat 00:00-06:00 UTC, rule prod databases)", Factor(db).Explanation, StringComparison.Ordinal);
        Assert.Equal(0, Factor(vm).Value); // node1 and shop fall under the daily production rule
        Assert.Equal(0, Factor(own).Value); // the CI's own window wins over the rule
    }

    [Fact]
    public void Check_RuleWithBadWindowOrNoSelector_NamesTheSetting()
    {
        var options = new ChangeRiskOptions();
        var bad = new MaintenanceWindowRule { Name = "dbs", Window = "Sun 02:00-06:00 Narnia/Cair_Paravel" };
        bad.Classes.Add("Database");
        options.MaintenanceWindows.Add(bad);
        options.MaintenanceWindows.Add(new MaintenanceWindowRule { Name = "all", Window = "Daily 00:00-24:00 UTC" });

        var errors = ChangeRiskOptionsRules.Check(options);

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Cmdb:ChangeRisk:MaintenanceWindows:0 ('dbs'): Unknown time zone 'Narnia/Cair_Paravel'", errors[0], StringComparison.Ordinal);
        Assert.Equal("Cmdb:ChangeRisk:MaintenanceWindows:1 ('all') must name at least one class or environment.", errors[1]);
    }
}
