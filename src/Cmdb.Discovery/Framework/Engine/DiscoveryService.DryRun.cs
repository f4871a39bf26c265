using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>Runs the source and plans the reconciliation exactly as a run would, writing nothing at all.</summary>
    public async Task<DiscoveryDiff> DryRunAsync(string sourceName, CancellationToken cancellationToken)
    {
        var (name, config) = Find(sourceName);
        var (batch, error) = await DiscoverAsync(name, config, cancellationToken);
        if (batch is null) return new DiscoveryDiff(name, [new DiscoveryScopeOutcome("(source)", false, [error!])], [], [], 0, [], [], false);

        var now = _time.GetUtcNow();
        var run = new DiscoveryRun("dry-run", name, config.Kind, DiscoveryTrigger.Manual, DiscoveryRunStatus.Running, now, null,
            DiscoveryRunCounts.Zero, null, [], null, 0);
        // A private copy read from the store: planning adds empty scopes to the state it is given, and a dry run takes no
        // gate, so sharing the cache with a real run of the same source would race on its dictionaries.
        var state = SourceState.From(
            await _state.GetSightingsAsync(name, cancellationToken), await _state.GetRelationshipSightingsAsync(name, cancellationToken));
        var (_, plans) = await PlanAsync(name, batch, state, now, explain: true, null, cancellationToken);
        var staleness = await PlanStalenessAsync(run, batch, state, plans, now, cancellationToken);

        var creates = plans.Where(p => p.Action == ItemAction.Create)
            .Select(p => new PlannedCreate(p.Scope, p.Item.Class, p.Item.Name, p.Item.Identifiers)).ToArray();
        var updates = plans.Where(p => p.Action is ItemAction.Update or ItemAction.Unchanged && p.HasChanges)
            .Select(p => new PlannedUpdate(p.Scope, p.CiId!, p.Existing?.Name ?? p.Item.Name, p.Changes)).ToArray();
        var missing = staleness.Retire.Concat(staleness.Held).Concat(staleness.Missed).Select(m => m.CiId).Distinct(StringComparer.Ordinal).ToArray();
        var names = missing.Length == 0 ? new Dictionary<string, Domain.Items.ConfigurationItem>() : await _store.GetCisAsync(missing, null, cancellationToken);
        var retirements = staleness.Retire.Select(r => Retirement(r, true, "retire"))
            .Concat(staleness.Held.Select(r => Retirement(r, true, "retire (held for approval)")))
            .Concat(staleness.Missed.Select(r => Retirement(r, false, "stale"))).ToArray();
        var conflicts = Conflicts(run, plans, now);
        var scopes = batch.Scopes.Select(s => new DiscoveryScopeOutcome(s.Scope, s.Complete,
            [.. s.Errors, .. plans.Where(p => p.Scope == s.Scope && p.Action == ItemAction.Error).Select(p => p.Error!)])).ToArray();
        return new DiscoveryDiff(name, scopes, creates, updates, plans.Count(p => p.Action == ItemAction.Unchanged && !p.HasChanges),
            retirements, conflicts, staleness.Held.Count > 0);

        PlannedRetirement Retirement(MissedCi m, bool retire, string what) =>
            new(m.Scope, m.CiId, names.TryGetValue(m.CiId, out var ci) ? ci.Name : m.CiId, retire, $"{what}: {m.Reason}");
    }
}
