using Cmdb.Discovery.Contract;
using Cmdb.Domain.Discovery;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>Loads a batch: CIs, relationships, staleness, sightings, conflicts and the run record.</summary>
    private async Task<DiscoveryRun> ReconcileAsync(DiscoveryRun run, DiscoveryBatch batch, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var actor = new Actor(ActorKind.Discovery, run.Source, run.Id);
        var phases = new Phases();
        var state = await StateOfAsync(run.Source, cancellationToken);
        phases.End("load sightings");
        var holders = ResolvedIdentifiers.Of(batch);
        var errors = new List<string>();
        foreach (var scope in batch.Scopes) errors.AddRange(scope.Errors.Select(e => $"{scope.Scope}: {e}"));

        var (plans, created, updated) = await PlanAndWriteAsync(run.Source, batch, state, holders, now, actor, errors, cancellationToken);
        phases.End("resolve + identify + compare + write CIs");
        var relationships = await PlanRelationshipsAsync(run.Source, batch, state, plans, holders, now, errors, cancellationToken);
        await ApplyAsync([.. relationships.Ops], actor, errors, (op, result) => relationships.Written[op] = result.EntityId, cancellationToken);
        phases.End("relationships");
        var staleness = await PlanStalenessAsync(run, batch, state, plans, now, cancellationToken);
        await ApplyAsync([.. staleness.Retire.Select(r => (WriteOperation)new RetireCi(r.CiId, null) { Path = $"{r.Scope}:retire" })],
            actor, errors, (_, _) => { }, cancellationToken);
        await RemoveStaleRelationshipsAsync(relationships, actor, errors, cancellationToken);
        phases.End("staleness");

        var changes = Sightings(run.Source, batch, state, plans, relationships, staleness, now);
        phases.End("sightings: decide");
        // The cached state takes the changes on a pool thread while the table is written (a first run's 100k new rows cost
        // the cache about a tenth of a second at 1M). Only this run, holding the source's gate, uses the cached state, and a
        // failed write drops it (RunLockedAsync), so a cache ahead of a write that then failed is never read.
        var caching = Task.Run(() => state.Apply(changes), CancellationToken.None);
        try
        {
            await _state.SaveSightingsAsync(changes, cancellationToken);
        }
        finally
        {
            await caching;
        }

        phases.End("sightings: write + cache");
        var tally = Tally.Of(plans);
        List<ReconciliationConflict> conflicts = tally.Conflicts == 0 ? [] : Conflicts(run, plans, now);
        if (conflicts.Count > 0) await _state.AddConflictsAsync([.. conflicts.Select(DiscoveryJson.Store)], cancellationToken);
        if (staleness.Held.Count > 0)
            await _state.AddHeldAsync([.. staleness.Held.Select(h => new HeldRetirement(run.Id, run.Source, h.Scope, h.CiId, h.Reason))], cancellationToken);
        phases.End("conflicts + holds");
        LastPhases = phases.All;

        // A plan failed without its own message is a write the store refused: that message is in errors already.
        if (tally.Errors > 0) errors.AddRange(plans.Where(p => p.Action == ItemAction.Error && p.Error is not null).Select(p => p.Error!));
        var scopes = batch.Scopes.Select(s => new DiscoveryScopeOutcome(s.Scope, s.Complete, s.Errors)).ToArray();
        var complete = scopes.Count(s => s.Complete);
        var status = complete == scopes.Length ? DiscoveryRunStatus.Succeeded : complete == 0 ? DiscoveryRunStatus.Failed : DiscoveryRunStatus.Partial;
        var counts = new DiscoveryRunCounts(
            plans.Count, created, updated, tally.Unchanged, staleness.StaleCount, staleness.Retire.Count,
            conflicts.Count, errors.Count);
        return run with
        {
            Status = status, EndedAt = _time.GetUtcNow(), Counts = counts, Scopes = scopes,
            Error = errors.Count == 0 ? null : string.Join('\n', errors.Take(50)) + (errors.Count > 50 ? $"\n… and {errors.Count - 50} more." : ""),
            Hold = staleness.Held.Count > 0 ? HoldState.Pending : null, HeldRetirements = staleness.Held.Count,
        };
    }

    /// <summary>Where the latest run's time went (seconds per phase), for the benchmark.</summary>
    internal IReadOnlyList<(string Phase, double Seconds)> LastPhases { get; private set; } = [];

    /// <summary>The plans' actions counted in one pass (a run of 100k items would otherwise walk them once per count).</summary>
    private readonly record struct Tally(int Unchanged, int Conflicts, int Errors)
    {
        public static Tally Of(List<ItemPlan> plans)
        {
            int unchanged = 0, conflicts = 0, errors = 0;
            foreach (var plan in plans)
            {
                switch (plan.Action)
                {
                    case ItemAction.Unchanged: unchanged++; break;
                    case ItemAction.Conflict: conflicts++; break;
                    case ItemAction.Error: errors++; break;
                }
            }

            return new Tally(unchanged, conflicts, errors);
        }
    }

    private sealed class Phases
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

        public List<(string Phase, double Seconds)> All { get; } = [];

        public void End(string phase)
        {
            All.Add((phase, _watch.Elapsed.TotalSeconds));
            _watch.Restart();
        }
    }

    /// <summary>
    /// Applies writes in batches under the run's actor. A batch the store refuses is retried one write at a time, so
    /// one bad item costs its own write, not its neighbours'. Returns the writes that failed.
    /// </summary>
    private async Task<List<WriteOperation>> ApplyAsync(
        IReadOnlyList<WriteOperation> ops, Actor actor, List<string> errors, Action<WriteOperation, OperationResult> done, CancellationToken cancellationToken)
    {
        var failed = new List<WriteOperation>();
        foreach (var chunk in ops.Chunk(_options.BatchSize))
        {
            try
            {
                var result = await _store.ApplyAsync(new WriteBatch(chunk), actor, cancellationToken);
                for (var i = 0; i < chunk.Length; i++) done(chunk[i], result.Results[i]);
            }
            catch (Domain.Errors.CmdbException) when (chunk.Length > 1)
            {
                foreach (var op in chunk)
                {
                    try
                    {
                        done(op, (await _store.ApplyAsync(WriteBatch.Of(op), actor, cancellationToken)).Results[0]);
                    }
                    catch (Domain.Errors.CmdbException e)
                    {
                        failed.Add(op);
                        errors.Add($"{op.Path}: {e.Message}");
                    }
                }
            }
            catch (Domain.Errors.CmdbException e)
            {
                failed.Add(chunk[0]);
                errors.Add($"{chunk[0].Path}: {e.Message}");
            }
        }

        return failed;
    }
}
