using Cmdb.Domain.Changes;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>When a standard-change template shields a change (PRE_APPROVED), and the sentence saying why not.</summary>
public class ChangeTemplateApprovalTests
{
    private static readonly ChangeRiskAssessor Assessor = new(new ChangeRiskOptions());

    private static ChangeAssessment Assess(ChangeTemplate? template, string[]? targets = null, string? templateRef = "vm-patch") =>
        Assessor.Assess(Spec(targets ?? ["node1"], ChangeType.Standard, template: templateRef), null, Context(Build()) with { Template = template });

    [Fact]
    public void Assess_ActiveMatchingTemplateAndLowRisk_IsPreApprovedAndSaysWhy()
    {
        var result = Assess(Template("vm-patch", "Computer")); // VirtualMachine extends Computer: subclasses are included

        Assert.Equal(RiskLevel.Low, result.Level);
        Assert.Equal(ApprovalPath.PreApproved, result.RecommendedApproval);
        Assert.StartsWith("Standard change template vm-patch (Template vm-patch) pre-approves it", result.ApprovalExplanation, StringComparison.Ordinal);
    }

    public static TheoryData<string, ChangeTemplate?, string?> Refusals() => new()
    {
        { "no template", null, null },
        { "missing", null, "vm-patch" },
        { "retired", Template("vm-patch", "VirtualMachine", active: false), "vm-patch" },
        { "overdue", Template("vm-patch", "VirtualMachine", reviewInDays: -1), "vm-patch" },
        { "wrong class", Template("vm-patch", "Database"), "vm-patch" },
        { "other template", Template("db-patch", "VirtualMachine"), "vm-patch" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Assess_TemplateMissingRetiredOverdueOrForAnotherClass_DoesNotShield(string why, ChangeTemplate? template, string? templateRef)
    {
        var result = Assess(template, templateRef: templateRef);

        Assert.Equal(RiskLevel.Low, result.Level);
        Assert.Equal(ApprovalPath.PeerReview, result.RecommendedApproval);
        var expected = why switch
        {
            "no template" => "it names no template",
            "missing" or "other template" => "no template with id 'vm-patch' exists",
            "retired" => "template vm-patch (Template vm-patch) is retired",
            "overdue" => "was due for review on 2026-05-31",
            _ => "it applies to Database CIs, and node1 is not",
        };
        Assert.Contains(expected, result.ApprovalExplanation, StringComparison.Ordinal);
        Assert.StartsWith("The template does not shield this standard change", result.ApprovalExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OneTargetOutsideTheTemplateClass_NamesIt()
    {
        var result = Assess(Template("vm-patch", "VirtualMachine"), ["node1", "db"]);

        Assert.NotEqual(ApprovalPath.PreApproved, result.RecommendedApproval);
        Assert.Contains("and db is not", result.ApprovalExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RiskAboveTheTemplateLimit_IsNotShielded_ButWithinAHigherLimitItIs()
    {
        var spec = Spec(["db"], ChangeType.Standard, template: "db-patch");
        var lenient = new ChangeRiskAssessor(new ChangeRiskOptions { HighThreshold = 90, CriticalThreshold = 95 });
        var low = lenient.Assess(spec, null, Context(Build()) with { Template = Template("db-patch", "Database") });
        var medium = lenient.Assess(spec, null, Context(Build()) with { Template = Template("db-patch", "Database", RiskLevel.Medium) });

        Assert.Equal(RiskLevel.Medium, low.Level);
        Assert.Equal(ApprovalPath.PeerReview, low.RecommendedApproval);
        Assert.Contains("the risk is MEDIUM, above its limit of LOW", low.ApprovalExplanation, StringComparison.Ordinal);
        Assert.Equal(ApprovalPath.PreApproved, medium.RecommendedApproval);
    }

    [Fact]
    public void Assess_EmergencyAndNormalChanges_ExplainTheirPath()
    {
        var emergency = Assessor.Assess(Spec(["node1"], ChangeType.Emergency), null, Context(Build()));
        var normal = Assessor.Assess(Spec(["node1"]), null, Context(Build()));

        Assert.Equal("An emergency change goes to the emergency change advisory board whatever its score.", emergency.ApprovalExplanation);
        Assert.StartsWith("A normal change at ", normal.ApprovalExplanation, StringComparison.Ordinal);
    }
}
