using System.Globalization;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Only complete scopes count misses. A CI missed by K consecutive complete runs, or missed and last seen longer ago
    /// than RetireAfter, is retired, unless another scope or source still reports it. When a scope would retire more
    /// than max(HoldMinimum, HoldPercent % of its CIs) at once, its retirements are held for approval instead.
    /// </summary>
    private async Task<StalenessPlan> PlanStalenessAsync(
        DiscoveryRun run, DiscoveryBatch batch, SourceState state, List<ItemPlan> plans, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = new StalenessPlan();
        // A sighting an item of its own scope matched was seen: found by reference, without hashing its CI id. Only the
        // others need the CI ids of the whole run (an item of another scope, or a conflict's candidate, may name them).
        // Sized for every plan up front: grown from empty, a 100k-item run allocated about three times the final set.
        var matched = new HashSet<Domain.Discovery.CiSighting>(plans.Count, ReferenceEqualityComparer.Instance);
        foreach (var p in plans)
        {
            if (p.Sighting is { } s) matched.Add(s);
        }

        HashSet<string>? seen = null;
        foreach (var scope in batch.Scopes)
        {
            var sightings = state.CisOf(scope.Scope);
            if (!scope.Complete)
            {
                plan.StaleCount += sightings.Values.Count(s => s.Missed > 0 && !s.Retired && !Seen(s));
                continue;
            }

            var retire = new List<MissedCi>();
            var missed = new List<MissedCi>();
            foreach (var s in sightings.Values)
            {
                if (s.Retired || Seen(s)) continue;
                var count = s.Missed + 1;
                var why = count >= _options.StaleAfterMissedRuns
                    ? $"not reported by {count} consecutive complete runs of {scope.Scope}"
                    : _options.RetireAfter is { } age && state.LastSeen(s) < now - age
                        ? $"not reported since {state.LastSeen(s).ToString("u", CultureInfo.InvariantCulture)}, more than {age.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days ago"
                        : null;
                (why is null ? missed : retire).Add(new MissedCi(scope.Scope, s.CiId, count, why ?? $"not reported by {count} complete run(s) of {scope.Scope}"));
            }

            if (retire.Count > 0)
            {
                var elsewhere = await _state.GetSeenElsewhereAsync(
                    run.Source, scope.Scope, [.. retire.Select(r => r.CiId)], [.. Sources.Select(s => s.Name)], cancellationToken);
                missed.AddRange(retire.Where(r => elsewhere.Contains(r.CiId)));
                retire.RemoveAll(r => elsewhere.Contains(r.CiId));
            }

            var live = sightings.Values.Count(s => !s.Retired);
            var limit = Math.Max(_options.HoldMinimum, (int)Math.Ceiling(live * _options.HoldPercent / 100));
            if (retire.Count > limit) plan.Held.AddRange(retire);
            else plan.Retire.AddRange(retire);
            plan.Missed.AddRange(missed);
        }

        plan.StaleCount += plan.Missed.Count + plan.Held.Count;
        return plan;

        bool Seen(Domain.Discovery.CiSighting s) => matched.Contains(s) || (seen ??= SeenCis(plans)).Contains(s.CiId);
    }

    private static HashSet<string> SeenCis(List<ItemPlan> plans)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in plans)
        {
            if (p.CiId is not null) seen.Add(p.CiId);
            foreach (var candidate in p.Candidates) seen.Add(candidate); // a conflict is no evidence that a CI is gone
        }

        return seen;
    }
}
