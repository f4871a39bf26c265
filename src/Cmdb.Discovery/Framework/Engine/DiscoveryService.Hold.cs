using Cmdb.Domain.Discovery;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Retires, under the approving actor, the held CIs that are still missing now (one that reappeared since is
    /// left alone) and marks their sightings retired.
    /// </summary>
    public async Task<DiscoveryRun> ApproveHeldRunAsync(string runId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await DecideAsync(runId, async (run, held) =>
        {
            var gate = _running.GetOrAdd(run.Source, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken); // not while a run of the same source changes its sightings
            try
            {
                var state = await StateOfAsync(run.Source, cancellationToken);
                var still = held.Where(h => state.CisOf(h.Scope).GetValueOrDefault(h.CiId) is { Retired: false, Missed: > 0 }).ToList();
                var errors = new List<string>();
                var failed = await ApplyAsync(
                    [.. still.Select(h => (WriteOperation)new RetireCi(h.CiId, null) { Path = $"{h.Scope}:held" })], actor, errors, (_, _) => { }, cancellationToken);
                var retired = still.Where(h => !failed.Any(f => f.Path == $"{h.Scope}:held" && ((RetireCi)f).Id == h.CiId)).ToList();
                var changes = new SightingChanges(run.Source, _time.GetUtcNow(), [],
                    [.. retired.Select(h => Retired(state, state.CisOf(h.Scope)[h.CiId]))], [], []);
                await _state.SaveSightingsAsync(changes, cancellationToken);
                state.Apply(changes);
                return run with
                {
                    Hold = HoldState.Approved, Counts = run.Counts with { Retired = run.Counts.Retired + retired.Count },
                    Error = errors.Count == 0 ? run.Error : string.Join('\n', new[] { run.Error }.Concat(errors).Where(e => e is not null)),
                };
            }
            finally
            {
                gate.Release();
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Retires nothing and sets the held CIs' missed counts back to 0: the misses are not trusted, so K more complete
    /// runs must miss them before they are candidates again.
    /// </summary>
    public async Task<DiscoveryRun> RejectHeldRunAsync(string runId, Actor actor, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (reason is { Length: > 1000 }) throw CmdbException.Invalid($"The reason is {reason.Length} characters; at most 1000 are allowed.", "reason");
        return await DecideAsync(runId, async (run, held) =>
        {
            var gate = _running.GetOrAdd(run.Source, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(cancellationToken); // a run in progress would otherwise keep, and act on, the rejected misses
            try
            {
                await _state.ResetMissedAsync(run.Source, [.. held.Select(h => (h.Scope, h.CiId))], cancellationToken);
                _cache.TryRemove(run.Source, out _);
                var note = $"Held retirements rejected by {actor.Describe()}{(string.IsNullOrWhiteSpace(reason) ? "." : $": {reason}")}";
                return run with { Hold = HoldState.Rejected, Error = run.Error is null ? note : $"{run.Error}\n{note}" };
            }
            finally
            {
                gate.Release();
            }
        }, cancellationToken);
    }

    private static CiSighting Retired(SourceState state, CiSighting s) => s with { LastSeen = state.LastSeen(s), Retired = true };

    private async Task<DiscoveryRun> DecideAsync(
        string runId, Func<DiscoveryRun, IReadOnlyList<HeldRetirement>, Task<DiscoveryRun>> decide, CancellationToken cancellationToken)
    {
        await _holdGate.WaitAsync(cancellationToken);
        try
        {
            var run = await GetRunAsync(runId, cancellationToken) ?? throw CmdbException.NotFound($"There is no discovery run with id '{runId}'.");
            if (run.Hold != HoldState.Pending)
            {
                throw CmdbException.Conflict(run.Hold is null
                    ? $"Run {runId} is not held: it retired what it had to retire, or nothing."
                    : $"Run {runId} was already {run.Hold.ToString()!.ToLowerInvariant()}.", "runId");
            }

            var next = await decide(run, await _state.GetHeldAsync(runId, cancellationToken));
            await _state.ClearHeldAsync(runId, cancellationToken);
            await SaveRunAsync(next, cancellationToken);
            return next;
        }
        finally
        {
            _holdGate.Release();
        }
    }
}
