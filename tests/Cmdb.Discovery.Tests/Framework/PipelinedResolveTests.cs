using System.Reflection;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>
/// A real run resolves its identifiers a chunk at a time while identification works on the chunks already answered:
/// an item waits only for its own answers, a failed resolve fails whoever waits, and no write starts before the last answer.
/// </summary>
public sealed class PipelinedResolveTests
{
    private const int Chunk = ResolvedIdentifiers.Chunk;

    [Fact]
    public async Task WaitAsync_PositionInALaterChunk_CompletesOnlyOnceThatChunkIsAnswered()
    {
        var store = ScriptedResolve.Wrap();
        var script = (ScriptedResolve)(object)store;
        var holders = ResolvedIdentifiers.Of(Batch(Chunk + 10));

        var resolving = holders.ResolveAsync(store, CancellationToken.None);
        await holders.WaitAsync(Chunk, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var later = holders.WaitAsync(Chunk + 1, CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.False(later.IsCompleted, "a position of the second chunk was reported ready before the store answered it");
        Assert.Equal(Chunk, holders.Ready);
        Assert.Equal("ci-k0", holders.Holder(0));
        script.Second.SetResult();
        await later.WaitAsync(TimeSpan.FromSeconds(10));
        await resolving.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Chunk + 10, holders.Ready);
        Assert.Equal($"ci-k{Chunk + 8}", holders.Holder(Chunk + 8));
        Assert.Null(holders.Holder(Chunk + 1)); // odd keys have no holder in the script
    }

    [Fact]
    public async Task ResolveAsync_StoreFailsOnALaterChunk_WaitersBeyondTheAnswersFailAndEarlierPositionsStayReadable()
    {
        var store = ScriptedResolve.Wrap();
        var script = (ScriptedResolve)(object)store;
        var holders = ResolvedIdentifiers.Of(Batch(Chunk + 10));

        var resolving = holders.ResolveAsync(store, CancellationToken.None);
        await holders.WaitAsync(Chunk, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = holders.WaitAsync(Chunk + 5, CancellationToken.None).AsTask(); // waits before the failure
        script.Second.SetException(new InvalidOperationException("the store is closing"));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => resolving.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("the store is closing", thrown.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        // One arriving after the failure neither waits forever nor passes.
        var after = await Assert.ThrowsAsync<InvalidOperationException>(() => holders.WaitAsync(Chunk + 1, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("the store is closing", after.Message, StringComparison.Ordinal);
        await holders.WaitAsync(Chunk, CancellationToken.None); // what was answered stays answered
        Assert.Equal("ci-k2", holders.Holder(2));
    }

    [Fact]
    public async Task RunAsync_MoreIdentifiersThanAChunk_WritesNothingBeforeTheLastAnswerAndIdentifiesEveryItem()
    {
        await using var f = new EngineFixture();
        var count = Chunk + 2000;
        var second = false;
        f.Source("scan", () => DiscoveryBatch.Of(Scope("a", [.. Enumerable.Range(0, count).Select(i => Server($"s{i}", serial: $"S{i}", os: second ? "v2" : "v1"))])));
        await f.RunAsync(await f.EngineAsync(), "scan");
        second = true;
        // The second chunk's answer is held back long enough for the planning to decide a whole batch from the first.
        var store = OrderRecording.Wrap(f.Store, secondResolveDelay: TimeSpan.FromMilliseconds(500));
        using var engine = new DiscoveryService(store, f.State, f.Sources, f.Options, f.Time);

        f.Time.Advance(TimeSpan.FromMinutes(15));
        var run = await engine.RunAsync("scan", DiscoveryTrigger.Manual, CancellationToken.None);

        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal((0, count, 0), (run.Counts.Created, run.Counts.Updated, run.Counts.Errors));
        var calls = ((OrderRecording)(object)store).Calls;
        Assert.True(calls.Count(c => c == "resolved") >= 2, $"expected the identifiers resolved in chunks: {string.Join(",", calls)}");
        Assert.True(calls.LastIndexOf("resolved") < calls.IndexOf("apply"), $"a write started before the last answer: {string.Join(",", calls)}");
        Assert.Equal(count, await f.CiCountAsync());
    }

    /// <summary>Items with one identifier each: <c>serial = k{i}</c>.</summary>
    private static DiscoveryBatch Batch(int items) =>
        DiscoveryBatch.Of(ScopeResult.Completed("a", [.. Enumerable.Range(0, items).Select(i =>
            new DiscoveredItem(WellKnown.Classes.LinuxServer, $"s{i}", new Dictionary<string, string> { ["serial"] = $"k{i}" }))], []));

    /// <summary>A store whose first resolve answers at once (even keys held by <c>ci-KEY</c>) and whose second waits for <see cref="Second"/>.</summary>
    public class ScriptedResolve : DispatchProxy
    {
        private int _calls;

        public TaskCompletionSource Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static ICmdbStore Wrap() => Create<ICmdbStore, ScriptedResolve>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name != nameof(ICmdbStore.ResolveEachAsync)) throw new NotSupportedException(targetMethod.Name);
            var asked = (IReadOnlyList<(string Scheme, string Value)>)args![0]!;
            return Interlocked.Increment(ref _calls) == 1 ? Task.FromResult(Answer(asked)) : AnswerLater(asked);
        }

        private static string?[] Answer(IReadOnlyList<(string Scheme, string Value)> asked) =>
            [.. asked.Select(p => int.Parse(p.Value[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? $"ci-{p.Value}" : null)];

        private async Task<string?[]> AnswerLater(IReadOnlyList<(string Scheme, string Value)> asked)
        {
            await Second.Task;
            return Answer(asked);
        }
    }

    /// <summary>
    /// Forwards to the real store, recording in order each write's start and each resolve's answer ("resolved", when the
    /// call completes); the second resolve can be slowed.
    /// </summary>
    public class OrderRecording : DispatchProxy
    {
        private ICmdbStore _inner = null!;
        private TimeSpan _secondResolveDelay;

        public List<string> Calls { get; } = [];

        public static ICmdbStore Wrap(ICmdbStore inner, TimeSpan secondResolveDelay)
        {
            var proxy = Create<ICmdbStore, OrderRecording>();
            var self = (OrderRecording)(object)proxy;
            (self._inner, self._secondResolveDelay) = (inner, secondResolveDelay);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            var name = targetMethod.Name switch
            {
                nameof(ICmdbStore.ResolveEachAsync) => "resolve",
                nameof(ICmdbStore.ApplyAsync) => "apply",
                _ => null,
            };
            int resolves;
            lock (Calls)
            {
                if (name is not null) Calls.Add(name);
                resolves = Calls.Count(c => c == "resolve");
            }

            if (name == "resolve" && resolves == 2) return Delayed((IReadOnlyList<(string, string)>)args![0]!, (CancellationToken)args[1]!);
            try
            {
                var result = targetMethod.Invoke(_inner, args);
                if (name == "resolve") Answered(); // the SQLite store answers synchronously
                return result;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        private async Task<string?[]> Delayed(IReadOnlyList<(string, string)> asked, CancellationToken cancellationToken)
        {
            await Task.Delay(_secondResolveDelay, cancellationToken);
            var answers = await _inner.ResolveEachAsync(asked, cancellationToken);
            Answered();
            return answers;
        }

        private void Answered()
        {
            lock (Calls) Calls.Add("resolved");
        }
    }
}
