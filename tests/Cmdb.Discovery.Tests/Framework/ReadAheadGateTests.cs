using System.Reflection;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// A real run reads the CIs of its matched items a chunk at a time, at most about a chunk ahead of the writer: the
/// snapshots it holds (and the store's kept reads) stay bounded, and a run whose reads decide nothing to write goes on.
/// </summary>
public sealed class ReadAheadGateTests
{
    [Fact]
    public async Task RunAsync_SlowWrites_ReadsStayWithinTwoChunksOfTheWrites()
    {
        await using var f = new EngineFixture();
        f.Options.BatchSize = 3;
        var second = false;
        var names = Enumerable.Range(0, 30).Select(i => $"s{i:D2}").ToArray();
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", [.. names.Select(n => Server(n, serial: n.ToUpperInvariant(), os: second ? "v2" : "v1"))])));
        await f.RunAsync(await f.EngineAsync(), "scan");
        var store = Recording.Wrap(f.Store, writeDelay: TimeSpan.FromMilliseconds(15));
        using var engine = new DiscoveryService(store, f.State, f.Sources, f.Options, f.Time);
        second = true;

        f.Time.Advance(TimeSpan.FromMinutes(15));
        var run = await engine.RunAsync("scan", DiscoveryTrigger.Manual, CancellationToken.None);

        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal(30, run.Counts.Updated);
        var recording = (Recording)(object)store;
        Assert.Equal(10, recording.Reads.Count);
        // Every update read is written: before a read, those read and not yet written plus the read itself fit in two chunks.
        Assert.All(recording.Reads, r => Assert.True(r.ReadBefore - r.WrittenBefore + r.Count <= 2 * f.Options.BatchSize || r.ReadBefore == r.WrittenBefore,
            $"read of {r.Count} with {r.ReadBefore} read and {r.WrittenBefore} written before it"));
        foreach (var n in names) Assert.Equal("v2", (await f.CiAsync("serial", n.ToUpperInvariant())).Attributes["os"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ReadsThatFindNothingToWrite_DoNotHoldBackLaterReads()
    {
        await using var f = new EngineFixture();
        f.Options.BatchSize = 2;
        var items = Enumerable.Range(0, 12).Select(i => Server($"s{i:D2}", serial: $"S{i:D2}", os: "v1")).ToArray();
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", items)));
        // A second source reporting the same CIs exactly: every item is matched, read (this source has no sightings yet)
        // and decided unchanged, so nothing is ever written to let the reads go on.
        f.Source("other", () => DiscoveryBatch.Of(Scope("a", items), Scope("b", Server("new-one", serial: "N1", os: "v1"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");

        var run = await engine.RunAsync("other", DiscoveryTrigger.Manual, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal((1, 0, 12), (run.Counts.Created, run.Counts.Updated, run.Counts.Unchanged));
    }

    /// <summary>Forwards to the real store, recording each read against the updates written before it; writes can be slowed.</summary>
    public class Recording : DispatchProxy
    {
        private ICmdbStore _inner = null!;
        private TimeSpan _writeDelay;
        private int _read;
        private int _written;

        public List<(int Count, int ReadBefore, int WrittenBefore)> Reads { get; } = [];

        public static ICmdbStore Wrap(ICmdbStore inner, TimeSpan writeDelay)
        {
            var proxy = Create<ICmdbStore, Recording>();
            var self = (Recording)(object)proxy;
            (self._inner, self._writeDelay) = (inner, writeDelay);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ICmdbStore.GetCisAsync) && args![1] is null)
            {
                var ids = (IReadOnlyCollection<string>)args[0]!;
                lock (Reads) Reads.Add((ids.Count, _read, Volatile.Read(ref _written)));
                Interlocked.Add(ref _read, ids.Count);
            }

            if (targetMethod.Name == nameof(ICmdbStore.ApplyAsync)) return ApplyAsync((WriteBatch)args![0]!, (Actor)args[1]!, (CancellationToken)args[2]!);
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        private async Task<WriteResult> ApplyAsync(WriteBatch batch, Actor actor, CancellationToken cancellationToken)
        {
            await Task.Delay(_writeDelay, cancellationToken);
            var result = await _inner.ApplyAsync(batch, actor, cancellationToken);
            Interlocked.Add(ref _written, batch.Operations.Count(o => o is UpdateCi or UpsertCi { Id: not null }));
            return result;
        }
    }
}
