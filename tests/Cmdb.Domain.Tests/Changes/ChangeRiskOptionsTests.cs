using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeRiskOptionsTests
{
    [Fact]
    public void Check_Defaults_AreValid() => Assert.Empty(ChangeRiskOptionsRules.Check(new ChangeRiskOptions()));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Check_WeightOutOfRange_NamesTheSetting(int weight)
    {
        var errors = ChangeRiskOptionsRules.Check(new ChangeRiskOptions { FreezeWindowWeight = weight });

        var error = Assert.Single(errors);
        Assert.Equal($"Cmdb:ChangeRisk:FreezeWindowWeight must be between 0 and 100; got {weight}.", error);
    }

    [Theory]
    [InlineData(50, 50, 75)]
    [InlineData(25, 80, 75)]
    [InlineData(0, 50, 75)]
    [InlineData(25, 50, 101)]
    public void Check_ThresholdsNotIncreasing_AreRefused(int medium, int high, int critical)
    {
        var errors = ChangeRiskOptionsRules.Check(new ChangeRiskOptions { MediumThreshold = medium, HighThreshold = high, CriticalThreshold = critical });

        Assert.Contains(errors, e => e.Contains("thresholds must increase", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FreezeWindowEndingBeforeItStarts_IsRefused()
    {
        var options = new ChangeRiskOptions();
        options.FreezeWindows.Add(new FreezeWindow { Name = "xmas", Start = ChangeEstate.Now, End = ChangeEstate.Now.AddDays(-1) });

        Assert.Contains("FreezeWindows:0 ('xmas') must end after it starts", Assert.Single(ChangeRiskOptionsRules.Check(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var e = Assert.Throws<CmdbException>(() => new ChangeRiskAssessor(new ChangeRiskOptions { BlastRadiusWeight = 500 }));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Contains("BlastRadiusWeight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_AllWeightsAtMaximum_ScalesContributionsToSumTo100()
    {
        var o = new ChangeRiskOptions
        {
            BlastRadiusWeight = 100, ServiceCriticalityWeight = 100, ServiceOutageWeight = 100, SinglePointsOfFailureWeight = 100,
            ProductionWeight = 100, ChangeTypeWeight = 100, MissingRollbackPlanWeight = 100, MissingTestEvidenceWeight = 100,
        };

        var result = new ChangeRiskAssessor(o).Assess(ChangeEstate.Spec(["db"], ChangeType.Emergency, rollback: null, tests: null), null,
            ChangeEstate.Context(ChangeEstate.Build()));

        Assert.Equal(100, result.Score);
        Assert.Equal(100, result.Factors.Sum(f => f.Contribution));
    }
}
