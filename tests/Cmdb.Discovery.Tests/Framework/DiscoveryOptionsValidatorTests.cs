using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Discovery.Tests.Support;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class DiscoveryOptionsValidatorTests
{
    private static readonly DiscoveryOptionsValidator Validator = new(new DiscoverySourceFactory(), ModelConformance.Model);

    private static IConfigurationSection Settings(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>($"s:{p.Key}", p.Value))).Build().GetSection("s");

    private static DiscoveryOptions Valid() => new()
    {
        Sources =
        {
            ["local-host"] = new DiscoverySourceOptions { Kind = "local-host", Schedule = "0 0/15 * * * ?" },
            ["tf"] = new DiscoverySourceOptions { Kind = "terraform", Interval = TimeSpan.FromHours(1), Settings = Settings(("States:0:Path", "/x.tfstate")) },
        },
        Precedence = { new PrecedenceRuleOptions { Class = "LinuxServer", Field = "attributes.*", Sources = ["tf", "manual", "local-host"] } },
    };

    private static string Fails(Action<DiscoveryOptions> change)
    {
        var options = Valid();
        change(options);
        var result = Validator.Validate(null, options);
        Assert.True(result.Failed, "expected a validation failure");
        return result.FailureMessage;
    }

    [Fact]
    public void Validate_ShippedShapeOfOptions_Succeeds() => Assert.True(Validator.Validate(null, Valid()).Succeeded);

    [Fact]
    public void Validate_UnknownKind_NamesTheBuiltInKinds() =>
        Assert.Contains("'nmap' is not a built-in source; use one of local-host, terraform", Fails(o => o.Sources["local-host"].Kind = "nmap"), StringComparison.Ordinal);

    [Fact]
    public void Validate_BothScheduleAndInterval_AsksToKeepOne() =>
        Assert.Contains("has both Schedule and Interval", Fails(o => o.Sources["local-host"].Interval = TimeSpan.FromMinutes(5)), StringComparison.Ordinal);

    [Fact]
    public void Validate_NeitherScheduleNorInterval_ExplainsTheChoices() =>
        Assert.Contains("needs a Schedule", Fails(o => o.Sources["local-host"].Schedule = null), StringComparison.Ordinal);

    [Fact]
    public void Validate_DisabledSourceWithoutSchedule_Succeeds()
    {
        var options = Valid();
        options.Sources["local-host"].Schedule = null;
        options.Sources["local-host"].Enabled = false;
        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("every 15 minutes")]
    [InlineData("*/15 * * *")]
    [InlineData("0 0/15 * * * * * *")]
    [InlineData("61 * * * *")]
    public void Validate_BadCron_SaysWhichFormsAreAccepted(string schedule) =>
        Assert.Contains("is not a valid cron expression: use five crontab fields", Fails(o => o.Sources["local-host"].Schedule = schedule), StringComparison.Ordinal);

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 0/15 * * * ?")]
    public void Validate_CrontabOrQuartzCron_Succeeds(string schedule)
    {
        var options = Valid();
        options.Sources["local-host"].Schedule = schedule;
        options.Sources["local-host"].Interval = null;
        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_TinyInterval_Fails() =>
        Assert.Contains("Interval must be at least 10 seconds", Fails(o => o.Sources["tf"].Interval = TimeSpan.FromSeconds(1)), StringComparison.Ordinal);

    [Fact]
    public void Validate_ZeroTimeout_Fails() =>
        Assert.Contains("Timeout must be more than 0", Fails(o => o.Sources["tf"].Timeout = TimeSpan.Zero), StringComparison.Ordinal);

    [Fact]
    public void Validate_NegativeRetries_Fails() =>
        Assert.Contains("Retries must be between 0 and 10", Fails(o => o.Sources["tf"].Retries = -1), StringComparison.Ordinal);

    [Fact]
    public void Validate_TerraformWithoutStates_AsksForAStateFile() =>
        Assert.Contains("States must list at least one state file", Fails(o => o.Sources["tf"].Settings = Settings(("Other", "x"))), StringComparison.Ordinal);

    [Fact]
    public void Validate_SecretWrittenInSettings_AsksForEnvironmentVariableOrFile() =>
        Assert.Contains("looks like a secret", Fails(o => o.Sources["tf"].Settings = Settings(("States:0:Path", "/x"), ("Token", "abc123"))), StringComparison.Ordinal);

    [Fact]
    public void Validate_SecretNamedByEnvironmentVariable_Succeeds()
    {
        var options = Valid();
        options.Sources["tf"].Settings = Settings(("States:0:Path", "/x"), ("TokenEnv", "TF_TOKEN"));
        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ReservedSourceNameManual_Fails() =>
        Assert.Contains("'manual' is reserved", Fails(o => o.Sources["manual"] = new DiscoverySourceOptions { Kind = "local-host", Enabled = false }), StringComparison.Ordinal);

    [Fact]
    public void Validate_StaleAfterZeroRuns_Fails() =>
        Assert.Contains("StaleAfterMissedRuns must be between 1 and 1000", Fails(o => o.StaleAfterMissedRuns = 0), StringComparison.Ordinal);

    [Fact]
    public void Validate_NegativeRetireAfter_Fails() =>
        Assert.Contains("RetireAfter must be a positive duration", Fails(o => o.RetireAfter = TimeSpan.FromDays(-1)), StringComparison.Ordinal);

    [Fact]
    public void Validate_HoldPercentOver100_Fails() =>
        Assert.Contains("HoldPercent must be between 0 and 100", Fails(o => o.HoldPercent = 150), StringComparison.Ordinal);

    [Fact]
    public void Validate_NegativeHoldMinimum_Fails() =>
        Assert.Contains("HoldMinimum must be 0 or more", Fails(o => o.HoldMinimum = -1), StringComparison.Ordinal);

    [Fact]
    public void Validate_ZeroBatchSize_Fails() =>
        Assert.Contains("BatchSize must be between 1 and 100000", Fails(o => o.BatchSize = 0), StringComparison.Ordinal);

    [Fact]
    public void Validate_RuleNamesUnknownSource_Fails() =>
        Assert.Contains("names 'cmdbuild', which is neither a configured source nor 'manual'", Fails(o => o.Precedence[0].Sources.Add("cmdbuild")), StringComparison.Ordinal);

    [Fact]
    public void Validate_RuleWithoutSources_Fails() =>
        Assert.Contains("Sources must list at least one source", Fails(o => o.Precedence[0].Sources.Clear()), StringComparison.Ordinal);

    [Fact]
    public void Validate_RuleFieldWithStarInTheMiddle_Fails() =>
        Assert.Contains("Field must be a field name", Fails(o => o.Precedence[0].Field = "attr*.os"), StringComparison.Ordinal);

    [Fact]
    public void Validate_RuleForUnknownClass_Fails() =>
        Assert.Contains("Class 'Mainframe' is not a class of the model", Fails(o => o.Precedence[0].Class = "Mainframe"), StringComparison.Ordinal);

    [Fact]
    public void Validate_BadSourceName_Fails() =>
        Assert.Contains("a source name must be 1 to 64 letters", Fails(o => o.Sources["my source!"] = new DiscoverySourceOptions { Kind = "local-host", Enabled = false }), StringComparison.Ordinal);

    [Fact]
    public void Bind_ConfigurationSection_ReadsSourcesByNameWithSettings()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cmdb:Discovery:StaleAfterMissedRuns"] = "4",
            ["Cmdb:Discovery:Sources:local-host:Kind"] = "local-host",
            ["Cmdb:Discovery:Sources:local-host:Interval"] = "00:15:00",
            ["Cmdb:Discovery:Sources:local-host:Settings:RootPath"] = "/host",
            ["Cmdb:Discovery:Precedence:0:Field"] = "owner",
            ["Cmdb:Discovery:Precedence:0:Sources:0"] = "manual",
        }).Build();
        var options = new DiscoveryOptions();

        config.GetSection(DiscoveryOptions.SectionName).Bind(options);

        Assert.Equal(4, options.StaleAfterMissedRuns);
        var source = options.Sources["local-host"];
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), 2), (source.Interval!.Value, source.Timeout, source.Retries));
        Assert.Equal("/host", source.Settings!["RootPath"]);
        Assert.True(Validator.Validate(null, options).Succeeded);
    }
}
