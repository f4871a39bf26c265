using Cmdb.Discovery.Sources.Terraform;
using Cmdb.Discovery.Tests.Support;
using Xunit;

namespace Cmdb.Discovery.Tests.Sources.Terraform;

public sealed class TerraformSourceTests
{
    [Fact]
    public async Task DiscoverAsync_OneGoodOneBrokenOneMissingState_OnlyTheGoodScopeCompletes()
    {
        var source = new TerraformSource(new TerraformOptions
        {
            States =
            [
                new TerraformStateFile { Path = TestData.PathOf("Terraform", "prod.tfstate"), Name = "prod" },
                new TerraformStateFile { Path = TestData.PathOf("Terraform", "version3.tfstate"), Name = "legacy" },
                new TerraformStateFile { Path = TestData.PathOf("Terraform", "absent.tfstate"), Name = "absent" },
            ],
        });

        var batch = await source.DiscoverAsync(CancellationToken.None);

        Assert.Equal(["prod", "legacy", "absent"], batch.Scopes.Select(s => s.Scope));
        Assert.True(batch.Scopes[0].Complete);
        Assert.Equal(17, batch.Scopes[0].Items.Count);
        Assert.All(batch.Scopes.Skip(1), s => Assert.False(s.Complete));
        Assert.All(batch.Scopes.Skip(1), s => Assert.Empty(s.Items));
        Assert.Contains("version 3", batch.Scopes[1].Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("could not be read", batch.Scopes[2].Errors.Single(), StringComparison.Ordinal);
    }
}
