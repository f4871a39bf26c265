using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Tests.Impact;

public sealed class ImpactOptionsTests
{
    [Fact]
    public void AddCmdbGraphQL_ImpactSection_BindsTheAnalyzersLimits()
    {
        using var provider = Build(("DefaultMaxDepth", "3"), ("MaxDepthCap", "7"), ("MaxPathCount", "5"));

        var options = provider.GetRequiredService<ImpactAnalyzer>().Options;

        Assert.Equal((3, 7, 5), (options.DefaultMaxDepth, options.MaxDepthCap, options.MaxPathCount));
    }

    [Fact]
    public void AddCmdbGraphQL_NoImpactSection_UsesTheDefaults()
    {
        using var provider = Build();

        var options = provider.GetRequiredService<ImpactAnalyzer>().Options;

        Assert.Equal(new ImpactOptions(), options);
    }

    [Theory]
    [InlineData("DefaultMaxDepth", "-1")]
    [InlineData("DefaultMaxDepth", "60")]
    [InlineData("MaxDepthCap", "0")]
    [InlineData("MaxDepthCap", "100000")]
    [InlineData("MaxPathCount", "0")]
    public void AddCmdbGraphQL_OutOfRangeImpactLimit_FailsAtStartNamingTheOption(string option, string value)
    {
        using var provider = Build((option, value));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Cmdb:Impact:{option}", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Cmdb:Impact:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TestModels.Seed);
        services.AddCmdbGraphQL();
        return services.BuildServiceProvider();
    }
}
