using Cmdb.Discovery.Contract;
using Cmdb.Domain.Discovery;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>The run's sighting bookkeeping: rows only for what is new or changed, one set per scope for the rest.</summary>
    private static SightingChanges Sightings(
        string source, DiscoveryBatch batch, SourceState state, List<ItemPlan> plans, RelationshipPlan relationships, StalenessPlan staleness,
        DateTimeOffset now)
    {
        var upserts = new List<CiSighting>();
        var count = batch.Scopes.Count;
        var complete = new bool[count];
        var needWrite = new List<string>[count];
        // The first item per scope and CI decides; one whose CI has a sighting in its scope is deduplicated by that
        // sighting's reference (no hashing of the CI id), the rest (new CIs, new in this scope) by scope and CI id.
        var booked = new HashSet<CiSighting>(plans.Count, ReferenceEqualityComparer.Instance); // sized up front, as in staleness
        HashSet<(int, string)>? bookedNew = null;
        for (var i = 0; i < count; i++)
        {
            complete[i] = batch.Scopes[i].Complete;
            needWrite[i] = [];
        }

        foreach (var plan in plans)
        {
            if (plan.CiId is null || plan.Action is ItemAction.Conflict or ItemAction.Error) continue;
            CiSighting? s;
            if (plan.Sighting is { } matched)
            {
                if (!booked.Add(matched)) continue;
                s = matched;
            }
            else
            {
                // Sized for every plan left on first use: a first run's 50k new CIs otherwise grew it through a dozen copies.
                if (!(bookedNew ??= new HashSet<(int, string)>(plans.Count)).Add((plan.ScopeIndex, plan.CiId))) continue;
                s = state.CisOf(plan.Scope).GetValueOrDefault(plan.CiId);
                if (s is not null && !booked.Add(s)) continue;
            }

            if (s is { Retired: false } && s.Fingerprint == plan.Fingerprint)
            {
                // A complete scope's stamp covers rows with no misses; only rows coming back from a miss need a write.
                if (s.Missed > 0 || !complete[plan.ScopeIndex]) needWrite[plan.ScopeIndex].Add(plan.CiId);
            }
            else
            {
                upserts.Add(new CiSighting(source, plan.Scope, plan.CiId, plan.Fingerprint, s?.FirstSeen ?? now, now, 0, false));
            }
        }

        foreach (var r in staleness.Retire)
        {
            var s = state.CisOf(r.Scope)[r.CiId];
            upserts.Add(s with { LastSeen = state.LastSeen(s), Missed = r.Missed, Retired = true });
        }

        var scopes = batch.Scopes.Select((scope, i) => new ScopeSightingChanges(
            scope.Scope,
            scope.Complete,
            needWrite[i],
            [.. staleness.Missed.Concat(staleness.Held).Where(m => m.Scope == scope.Scope).Select(m => m.CiId)],
            relationships.Seen.GetValueOrDefault(scope.Scope) ?? [],
            relationships.Missed.GetValueOrDefault(scope.Scope) ?? [])).ToArray();
        var relationshipUpserts = relationships.Meta
            .Where(m => relationships.Written.ContainsKey(m.Key))
            .Select(m => new RelationshipSighting(source, m.Value.Scope, m.Value.Key, relationships.Written[m.Key], m.Value.Fingerprint, now, 0))
            .ToArray();
        return new SightingChanges(source, now, scopes, upserts, relationshipUpserts, relationships.Removed);
    }

    private static List<ReconciliationConflict> Conflicts(DiscoveryRun run, List<ItemPlan> plans, DateTimeOffset now) =>
        [.. plans.Where(p => p.Action == ItemAction.Conflict).Select(p => new ReconciliationConflict(
            Ulid.New(now), run.Source, run.Id, p.Scope, p.Item.Class, p.Item.Name, p.Item.Identifiers, p.Candidates, now))];
}
