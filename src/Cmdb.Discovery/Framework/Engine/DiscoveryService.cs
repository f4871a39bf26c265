using System.Collections.Concurrent;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Discovery;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// The discovery engine: runs a source, identifies and reconciles what it found with attribute-level precedence,
/// keeps per-scope sightings and retires only what complete runs no longer report. See <see cref="IDiscoveryService"/>.
/// </summary>
public sealed partial class DiscoveryService : IDiscoveryService, IDisposable
{
    private readonly ICmdbStore _store;
    private readonly IDiscoveryStateStore _state;
    private readonly IDiscoverySourceFactory _factory;
    private readonly DiscoveryOptions _options;
    private readonly TimeProvider _time;
    private readonly PrecedencePolicy _precedence;
    private readonly Actor _validationActor = new(ActorKind.Discovery, "validation");
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SourceState> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _holdGate = new(1, 1);

    public DiscoveryService(ICmdbStore store, IDiscoveryStateStore state, IDiscoverySourceFactory factory, DiscoveryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _state = state;
        _factory = factory;
        _options = options;
        _time = time;
        _precedence = new PrecedencePolicy(store.Model, options.Precedence);
        Sources = [.. options.Sources.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new DiscoverySourceInfo(s.Key, s.Value.Kind.Trim().ToLowerInvariant(), s.Value.Schedule, s.Value.Interval, s.Value.Enabled, s.Value.Timeout))];
    }

    public IReadOnlyList<DiscoverySourceInfo> Sources { get; }

    public void Dispose()
    {
        foreach (var gate in _running.Values) gate.Dispose();
        _holdGate.Dispose();
    }

    public async Task<DiscoveryRun> RunAsync(string sourceName, DiscoveryTrigger trigger, CancellationToken cancellationToken)
    {
        var (name, config) = Find(sourceName);
        var kind = config.Kind.Trim().ToLowerInvariant();
        var runId = Ulid.New(_time.GetUtcNow());
        var gate = _running.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            var now = _time.GetUtcNow();
            var skipped = new DiscoveryRun(runId, name, kind, trigger, DiscoveryRunStatus.Skipped, now, now, DiscoveryRunCounts.Zero,
                $"Skipped: a run of '{name}' was already in progress.", [], null, 0);
            await SaveRunAsync(skipped, CancellationToken.None);
            return skipped;
        }

        try
        {
            return await RunLockedAsync(name, kind, config, runId, trigger, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<DiscoveryRun> RunLockedAsync(
        string name, string kind, DiscoverySourceOptions config, string runId, DiscoveryTrigger trigger, CancellationToken cancellationToken)
    {
        await CloseInterruptedAsync(name, cancellationToken);
        var started = _time.GetUtcNow();
        var running = new DiscoveryRun(runId, name, kind, trigger, DiscoveryRunStatus.Running, started, null, DiscoveryRunCounts.Zero, null, [], null, 0);
        await SaveRunAsync(running, cancellationToken);
        DiscoveryBatch? batch;
        string? error;
        try
        {
            (batch, error) = await DiscoverAsync(name, config, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await SaveRunAsync(Cancelled(running, whileLoading: false), CancellationToken.None);
            throw;
        }

        if (batch is null)
        {
            var failed = running with { Status = DiscoveryRunStatus.Failed, EndedAt = _time.GetUtcNow(), Error = error, Counts = DiscoveryRunCounts.Zero with { Errors = 1 } };
            await SaveRunAsync(failed, CancellationToken.None);
            return failed;
        }

        try
        {
            var run = await ReconcileAsync(running, batch, cancellationToken);
            await SaveRunAsync(run, CancellationToken.None);
            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _cache.TryRemove(name, out _); // what was written and what the cache says may differ now
            var failed = running with
            {
                Status = DiscoveryRunStatus.Failed, EndedAt = _time.GetUtcNow(), Error = $"Loading failed: {e.Message}",
                Counts = DiscoveryRunCounts.Zero with { Discovered = batch.Items.Count(), Errors = 1 },
            };
            await SaveRunAsync(failed, CancellationToken.None);
            return failed;
        }
        catch (OperationCanceledException)
        {
            _cache.TryRemove(name, out _);
            await SaveRunAsync(Cancelled(running, whileLoading: true), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Holding the source's gate, a newest run still marked Running can only come from a process that died mid-run
    /// (a crash or a kill: a normal stop records the cancellation). Close it so the record does not claim to run forever.
    /// </summary>
    private async Task CloseInterruptedAsync(string name, CancellationToken cancellationToken)
    {
        var newest = await _state.GetRunsAsync(name, 1, null, cancellationToken);
        if (newest.Items is not [var item] || DiscoveryJson.Run(item.Node) is not { Status: DiscoveryRunStatus.Running } run) return;
        await SaveRunAsync(run with
        {
            Status = DiscoveryRunStatus.Failed, EndedAt = _time.GetUtcNow(),
            Error = "Interrupted: the service stopped before this run finished; its counts were not recorded. Found when the next run started.",
        }, CancellationToken.None);
    }

    // The caller's token fires on shutdown, and also when a scheduler's whole-run time limit passes: say what was left.
    private DiscoveryRun Cancelled(DiscoveryRun running, bool whileLoading) => running with
    {
        Status = DiscoveryRunStatus.Failed, EndedAt = _time.GetUtcNow(),
        Error = whileLoading
            ? "Cancelled while loading (the service is stopping, or the run's time limit passed): batches already committed stay, the rest was not written."
            : "Cancelled while reading the source (the service is stopping, or the run's time limit passed): nothing was written or retired.",
    };

    /// <summary>Gets the batch under the source's timeout. A null batch comes with the reason, for the run record.</summary>
    private async Task<(DiscoveryBatch? Batch, string? Error)> DiscoverAsync(string name, DiscoverySourceOptions config, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(config.Timeout);
        try
        {
            var source = _factory.Create(name, config);
            return (await source.DiscoverAsync(timeout.Token).WaitAsync(timeout.Token), null);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"Timed out after {config.Timeout}; nothing was written or retired.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, $"The source failed: {e.Message} Nothing was written or retired.");
        }
    }

    private (string Name, DiscoverySourceOptions Options) Find(string? sourceName)
    {
        if (string.IsNullOrWhiteSpace(sourceName)) throw CmdbException.Invalid("source must name a configured discovery source; it is empty.", "source");
        foreach (var (name, options) in _options.Sources)
        {
            if (string.Equals(name, sourceName.Trim(), StringComparison.OrdinalIgnoreCase)) return (name, options);
        }

        throw CmdbException.NotFound(_options.Sources.Count == 0
            ? $"There is no discovery source named '{sourceName}': none is configured ({DiscoveryOptions.SectionName}:Sources)."
            : $"There is no discovery source named '{sourceName}'. Configured: {string.Join(", ", _options.Sources.Keys.Order(StringComparer.Ordinal))}.");
    }

    private async Task<SourceState> StateOfAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached)) return cached;
        var state = SourceState.From(
            await _state.GetSightingsAsync(name, cancellationToken), await _state.GetRelationshipSightingsAsync(name, cancellationToken));
        _cache[name] = state;
        return state;
    }
}
