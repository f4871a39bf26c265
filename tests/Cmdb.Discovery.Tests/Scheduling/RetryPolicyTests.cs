using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 600)]
    [InlineData(40, 600)]
    public void Delay_Attempt_DoublesUpToTheCap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(attempt, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));

    [Fact]
    public void Delay_AttemptZero_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

    [Theory]
    [InlineData("I/O error reading prod.tfstate", true)]
    [InlineData("kubectl timed out", true)]
    [InlineData("SQLite Error 5: 'database is locked'", true)]
    [InlineData("prod.tfstate: line 3: unexpected token", false)]
    [InlineData(null, false)]
    public void IsTransient_FailedRunError_DecidesByTheError(string? error, bool transient) =>
        Assert.Equal(transient, TransientFailure.IsTransient(FakeDiscoveryService.Run("s", DiscoveryTrigger.Schedule, DiscoveryRunStatus.Failed, error), timedOut: false));

    [Fact]
    public void IsTransient_TimedOutRun_IsTransient() =>
        Assert.True(TransientFailure.IsTransient(FakeDiscoveryService.Run("s", DiscoveryTrigger.Schedule, DiscoveryRunStatus.Failed), timedOut: true));

    [Fact]
    public void IsTransient_PartialRun_IsNeverRetried() =>
        Assert.False(TransientFailure.IsTransient(FakeDiscoveryService.Run("s", DiscoveryTrigger.Schedule, DiscoveryRunStatus.Partial, "timed out"), timedOut: true));

    [Fact]
    public void IsTransient_Exceptions_IoYesFormatNo()
    {
        Assert.True(TransientFailure.IsTransient(new IOException("disk")));
        Assert.True(TransientFailure.IsTransient(new InvalidOperationException("wrapped", new TimeoutException())));
        Assert.False(TransientFailure.IsTransient(new FormatException("bad json")));
    }
}
