using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;

namespace Cmdb.Domain.Tests.Incidents;

public sealed class IncidentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly IncidentSpec Good = new("DB down", null, Severity.Sev1, Now.AddMinutes(-1), ["a"]);

    [Fact]
    public void Validate_GoodSpec_Passes() => IncidentRules.Validate(Good with { StartedAt = Now }, Now);

    public static TheoryData<IncidentSpec, string> BadSpecs() => new()
    {
        { Good with { Title = "" }, "title" },
        { Good with { Title = new string('t', 201) }, "title" },
        { Good with { Description = new string('d', 10_001) }, "description" },
        { Good with { Severity = 0 }, "severity" },
        { Good with { Severity = (Severity)5 }, "severity" },
        { Good with { StartedAt = Now.AddSeconds(1) }, "startedAt" },
        { Good with { SymptomCiIds = ["a", ""] }, "symptomCiIds" },
        { Good with { SymptomCiIds = [.. Enumerable.Range(0, 501).Select(i => $"c{i}")] }, "symptomCiIds" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Validate_BadValue_IsValidationNamingTheField(IncidentSpec spec, string path)
    {
        var e = Assert.Throws<CmdbException>(() => IncidentRules.Validate(spec, Now));

        Assert.Equal((ErrorCode.Validation, path), (e.Code, e.Path));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void ValidateCiIds_Empty_IsValidationUnlessAllowed()
    {
        IncidentRules.ValidateCiIds([], "ciIds", allowEmpty: true);
        var e = Assert.Throws<CmdbException>(() => IncidentRules.ValidateCiIds([], "ciIds", allowEmpty: false));

        Assert.Equal((ErrorCode.Validation, "ciIds"), (e.Code, e.Path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ValidateResolution_Missing_IsValidation(string? resolution) =>
        Assert.Equal("resolution", Assert.Throws<CmdbException>(() => IncidentRules.ValidateResolution(resolution)).Path);
}
