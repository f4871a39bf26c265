using Cmdb.Domain.Model;
using Cmdb.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData(0, 15, 30)]
    [InlineData(5000, 15, 30)]
    [InlineData(500, 1, 30)]
    [InlineData(500, 15, -1)]
    public void AddCmdbGraphQL_OutOfRangeLimit_FailsValidationNamingTheOption(int maxPageSize, int maxDepth, int maxAliases)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ModelCatalog>(TestModels.Seed);
        services.AddCmdbGraphQL(o =>
        {
            o.MaxPageSize = maxPageSize;
            o.MaxDepth = maxDepth;
            o.MaxAliases = maxAliases;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CmdbGraphQLOptions>>().Value);

        Assert.Contains("Max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCmdbGraphQL_Defaults_AreValid()
    {
        var services = new ServiceCollection();
        services.AddCmdbGraphQL();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CmdbGraphQLOptions>>().Value;

        Assert.Equal((500, 15, 50_000, 30), (options.MaxPageSize, options.MaxDepth, options.MaxComplexity, options.MaxAliases));
    }
}
