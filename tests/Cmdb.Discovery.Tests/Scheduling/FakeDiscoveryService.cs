using System.Collections.Concurrent;
using Cmdb.Discovery.Framework;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>
/// Stands in for the engine: configurable sources, a configurable run body, and a record of every call with the
/// highest number of runs of one source that were ever in progress at the same time.
/// </summary>
public sealed class FakeDiscoveryService(params DiscoverySourceInfo[] sources) : IDiscoveryService
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Source, DiscoveryTrigger Trigger)> _calls = new();
    private int _maxConcurrent;

    public IReadOnlyList<DiscoverySourceInfo> Sources { get; set; } = sources;

    /// <summary>The body of a run; by default it succeeds at once.</summary>
    public Func<string, DiscoveryTrigger, CancellationToken, Task<DiscoveryRun>> Body { get; set; } =
        (source, trigger, _) => Task.FromResult(Run(source, trigger, DiscoveryRunStatus.Succeeded));

    public IReadOnlyList<(string Source, DiscoveryTrigger Trigger)> Calls => [.. _calls];

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public static DiscoverySourceInfo Source(string name, string? cron = null, TimeSpan? interval = null, bool enabled = true, TimeSpan? timeout = null) =>
        new(name, "fake", cron, interval, enabled, timeout ?? TimeSpan.FromMinutes(1));

    public static DiscoveryRun Run(string source, DiscoveryTrigger trigger, DiscoveryRunStatus status, string? error = null) =>
        new(Guid.NewGuid().ToString("N"), source, "fake", trigger, status, default, default, DiscoveryRunCounts.Zero, error, [], null, 0);

    public async Task<DiscoveryRun> RunAsync(string sourceName, DiscoveryTrigger trigger, CancellationToken cancellationToken)
    {
        _calls.Enqueue((sourceName, trigger));
        var now = _running.AddOrUpdate(sourceName, 1, (_, n) => n + 1);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }

        try
        {
            return await Body(sourceName, trigger, cancellationToken);
        }
        finally
        {
            _running.AddOrUpdate(sourceName, 0, (_, n) => n - 1);
        }
    }

    public Task<DiscoveryDiff> DryRunAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(new DiscoveryDiff(sourceName, [], [], [], 0, [], [], false));

    public Task<Page<DiscoveryRun>> GetRunsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<DiscoveryRun>([], 0, false));

    public Task<DiscoveryRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<DiscoveryRun?>(null);

    public Task<IReadOnlyDictionary<string, DiscoveryRun>> GetLastRunsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DiscoveryRun>>(new Dictionary<string, DiscoveryRun>());

    public Task<Page<ReconciliationConflict>> GetConflictsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ReconciliationConflict>([], 0, false));

    public Task<IReadOnlyList<DiscoveryRun>> GetHeldRunsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DiscoveryRun>>([]);

    public Task<DiscoveryRun> ApproveHeldRunAsync(string runId, Actor actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DiscoveryRun> RejectHeldRunAsync(string runId, Actor actor, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();
}
