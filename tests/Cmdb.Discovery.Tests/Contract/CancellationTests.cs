using Cmdb.Discovery.Sources.LocalHost;
using Cmdb.Discovery.Sources.Terraform;
using Cmdb.Discovery.Tests.Support;
using Xunit;

namespace Cmdb.Discovery.Tests.Contract;

/// <summary>Cancellation is not a failed scope: it propagates, so the runner records a cancelled run, not a partial one.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task DiscoverAsync_CancelledFileSource_ThrowsInsteadOfFailingTheScope()
    {
        var source = new TerraformSource(new TerraformOptions { States = [new TerraformStateFile { Path = TestData.PathOf("Terraform", "prod.tfstate") }] });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.DiscoverAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task DiscoverAsync_CancelledHostSource_ThrowsInsteadOfFailingTheScope()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new LocalHostSource(new LocalHostOptions()).DiscoverAsync(new CancellationToken(canceled: true)));
    }
}
