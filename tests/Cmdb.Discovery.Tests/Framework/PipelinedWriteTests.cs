using System.Reflection;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>A real run compares the next chunk of matched items while the store writes the batch before it.</summary>
public sealed class PipelinedWriteTests
{
    [Fact]
    public async Task RunAsync_ManySmallBatchesOfCreatesAndUpdates_EachItemWrittenOnceAndAudited()
    {
        await using var f = new EngineFixture();
        f.Options.BatchSize = 2;
        var second = false;
        f.Source("scan", () => second
            ? DiscoveryBatch.Of(
                Scope("a", Server("s1", serial: "S1", os: "v2"), Server("n1", serial: "N1"), Server("s2", serial: "S2", os: "v2"), Server("s3", serial: "S3", os: "v1")),
                Scope("b", Server("n2", serial: "N2"), Server("s4", serial: "S4", os: "v2"), Server("s5", serial: "S5", os: "v2"), Server("n3", serial: "N3"),
                    Server("s1", serial: "S1", os: "v2")))
            : DiscoveryBatch.Of(Scope("a", Server("s1", serial: "S1", os: "v1"), Server("s2", serial: "S2", os: "v1"), Server("s3", serial: "S3", os: "v1")),
                Scope("b", Server("s4", serial: "S4", os: "v1"), Server("s5", serial: "S5", os: "v1"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        second = true;

        var run = await f.RunAsync(engine, "scan");

        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal((3, 4, 2, 0), (run.Counts.Created, run.Counts.Updated, run.Counts.Unchanged, run.Counts.Errors));
        Assert.Equal(8, await f.CiCountAsync());
        foreach (var serial in new[] { "S1", "S2", "S4", "S5" })
        {
            var ci = await f.CiAsync("serial", serial);
            Assert.Equal("v2", ci.Attributes["os"]!.GetValue<string>());
            Assert.Equal(2, await f.HistoryCountAsync(ci.Id));
            var history = await f.Store.GetHistoryAsync(ci.Id, 10, null, CancellationToken.None);
            Assert.All(history.Items, e => Assert.StartsWith("discovery:scan", e.Node.Actor, StringComparison.Ordinal));
            Assert.Equal("discovery:scan", ci.Provenance["attributes.os"].Source);
        }

        Assert.Equal(1, await f.HistoryCountAsync((await f.CiAsync("serial", "S3")).Id));
    }

    [Fact]
    public async Task RunAsync_StoreFailsReadingLaterChunk_RunFailedAndNothingRetired()
    {
        await using var f = new EngineFixture();
        f.Options.BatchSize = 2;
        f.Options.StaleAfterMissedRuns = 1;
        var second = false;
        f.Source("scan", () => second
            ? DiscoveryBatch.Of(Scope("a", Server("s1", serial: "S1", os: "v2"), Server("s2", serial: "S2", os: "v2"), Server("s3", serial: "S3", os: "v2"),
                Server("s4", serial: "S4", os: "v2")))
            : DiscoveryBatch.Of(Scope("a", Server("s1", serial: "S1", os: "v1"), Server("s2", serial: "S2", os: "v1"), Server("s3", serial: "S3", os: "v1"),
                Server("s4", serial: "S4", os: "v1"), Server("s5", serial: "S5", os: "v1"))));
        await (await f.EngineAsync()).RunAsync("scan", DiscoveryTrigger.Manual, CancellationToken.None);
        var store = FailingReads.Wrap(f.Store, failOnCall: 2);
        using var engine = new DiscoveryService(store, f.State, f.Sources, f.Options, f.Time);
        second = true;

        f.Time.Advance(TimeSpan.FromMinutes(15));
        var run = await engine.RunAsync("scan", DiscoveryTrigger.Manual, CancellationToken.None);

        Assert.Equal(DiscoveryRunStatus.Failed, run.Status);
        Assert.Contains("disk on fire", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.Counts.Retired);
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "S5")).Status);
        Assert.Equal(5, await f.CiCountAsync());
        // The batch written before the failing read stays (as any committed batch of a failed run); the rest was not written.
        Assert.Equal("v2", (await f.CiAsync("serial", "S1")).Attributes["os"]!.GetValue<string>());
        Assert.Equal("v1", (await f.CiAsync("serial", "S4")).Attributes["os"]!.GetValue<string>());
    }

    /// <summary>Forwards to the real store, but the n-th <c>GetCisAsync</c> fails as a broken disk would.</summary>
    public class FailingReads : DispatchProxy
    {
        private ICmdbStore _inner = null!;
        private int _failOnCall;
        private int _calls;

        public static ICmdbStore Wrap(ICmdbStore inner, int failOnCall)
        {
            var proxy = Create<ICmdbStore, FailingReads>();
            var self = (FailingReads)(object)proxy;
            (self._inner, self._failOnCall) = (inner, failOnCall);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ICmdbStore.GetCisAsync) && Interlocked.Increment(ref _calls) == _failOnCall)
                return Task.FromException<IReadOnlyDictionary<string, ConfigurationItem>>(new IOException("disk on fire"));
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
