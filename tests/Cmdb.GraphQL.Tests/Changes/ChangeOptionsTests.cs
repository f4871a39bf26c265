using Cmdb.Domain.Changes;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Tests.Changes;

public sealed class ChangeOptionsTests
{
    [Theory]
    [InlineData("FreezeWindowWeight", "150", "FreezeWindowWeight must be between 0 and 100")]
    [InlineData("BlastRadiusWeight", "-5", "BlastRadiusWeight must be between 0 and 100")]
    [InlineData("HighThreshold", "10", "thresholds must increase")]
    public void AddCmdbGraphQL_BadChangeRiskSetting_FailsAtStartNamingIt(string key, string value, string fragment)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{ChangeRiskOptions.SectionName}:{key}"] = value }).Build());
        services.AddSingleton<ModelCatalog>(TestModels.Seed);
        services.AddCmdbGraphQL();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChangeRiskOptions>>().Value);

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCmdbGraphQL_ConfiguredFreezeWindow_IsBound()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ChangeRiskOptions.SectionName}:FreezeWindows:0:Name"] = "peak",
            [$"{ChangeRiskOptions.SectionName}:FreezeWindows:0:Start"] = "2026-12-20T00:00:00Z",
            [$"{ChangeRiskOptions.SectionName}:FreezeWindows:0:End"] = "2026-12-27T00:00:00Z",
            [$"{ChangeRiskOptions.SectionName}:FreezeWindowWeight"] = "30",
        }).Build());
        services.AddCmdbGraphQL();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ChangeRiskOptions>>().Value;

        Assert.Equal(30, options.FreezeWindowWeight);
        Assert.Equal("peak", Assert.Single(options.FreezeWindows).Name);
    }
}
