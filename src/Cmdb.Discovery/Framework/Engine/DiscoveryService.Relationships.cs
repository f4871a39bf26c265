using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Resolves each relationship's ends (items of this run first, then the store), skips those touching an item that
    /// was not written (conflict or error), and writes only new or changed ones. In a complete scope a relationship no
    /// longer reported is removed after K misses, and only while both its ends are still reported: an edge of a CI
    /// that disappeared stays, like the CI's other relationships, when the CI is retired.
    /// </summary>
    private async Task<RelationshipPlan> PlanRelationshipsAsync(
        string source, DiscoveryBatch batch, SourceState state, List<ItemPlan> plans, ResolvedIdentifiers holders,
        DateTimeOffset now, List<string> errors, CancellationToken cancellationToken)
    {
        var result = new RelationshipPlan();
        // Nothing reported and nothing remembered: no maps to build (a CI-only source pays nothing here).
        if (!batch.Scopes.Any(s => s.Relationships.Count > 0) && state.Relationships.Values.All(r => r.Count == 0)) return result;
        var byIdentifier = new Dictionary<(string, string), string>();
        var blocked = new HashSet<(string, string)>();
        var classes = new Dictionary<string, CiClass>(StringComparer.Ordinal);
        var seenCis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            var written = plan.CiId is not null && plan.Action is not (ItemAction.Conflict or ItemAction.Error);
            foreach (var pair in plan.Item.Identifiers)
            {
                if (written) byIdentifier[(pair.Key, pair.Value)] = plan.CiId!;
                else blocked.Add((pair.Key, pair.Value));
            }

            if (!written) continue;
            classes[plan.CiId!] = plan.Class!;
            seenCis.Add(plan.CiId!);
        }

        var graph = await _store.GetGraphAsync([], cancellationToken);
        foreach (var scope in batch.Scopes)
        {
            var sightings = state.RelationshipsOf(scope.Scope);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scope.Relationships.Count; i++)
            {
                var r = scope.Relationships[i];
                var path = $"{scope.Scope}:relationships[{i}]";
                if (blocked.Contains((r.Source.Scheme, r.Source.Value)) || blocked.Contains((r.Target.Scheme, r.Target.Value))) continue;
                var from = End(r.Source);
                var to = End(r.Target);
                if (from is null || to is null)
                {
                    errors.Add($"{path}: {(from is null ? r.Source : r.Target)} matches no CI; the {r.Type} relationship was skipped.");
                    continue;
                }

                try
                {
                    var type = _store.Model.GetRelationshipType(r.Type, $"{path}.type");
                    if (ClassOf(from) is { } sc && ClassOf(to) is { } tc) _store.Model.EnsureAllowed(type, sc, tc, from == to, path);
                }
                catch (CmdbException e)
                {
                    errors.Add($"{path}: {e.Message}");
                    continue;
                }

                var key = $"{r.Type}|{from}|{to}";
                if (!reported.Add(key)) continue;
                var fingerprint = Fingerprint.Of(r.Attributes);
                if (sightings.TryGetValue(key, out var seen) && seen.Fingerprint == fingerprint)
                {
                    if (seen.Missed > 0 || !scope.Complete) Add(result.Seen, scope.Scope, key); // otherwise nothing to write
                    continue;
                }

                var op = new UpsertRelationship(r.Type, CiRef.ById(from), CiRef.ById(to), r.Attributes?.DeepClone().AsObject()) { Path = path };
                result.Ops.Add(op);
                result.Meta[op] = (scope.Scope, key, fingerprint);
            }

            if (!scope.Complete) continue;
            foreach (var (key, sighting) in sightings)
            {
                if (reported.Contains(key)) continue;
                var ends = key.Split('|');
                if (sighting.Missed + 1 >= _options.StaleAfterMissedRuns && ends.Length == 3 && seenCis.Contains(ends[1]) && seenCis.Contains(ends[2]))
                    result.Remove.Add(sighting);
                else Add(result.Missed, scope.Scope, key);
            }
        }

        return result;

        string? End(DiscoveredRef end) =>
            byIdentifier.TryGetValue((end.Scheme, end.Value), out var id) ? id : holders.HolderOf((end.Scheme, end.Value));

        CiClass? ClassOf(string ciId)
        {
            if (classes.TryGetValue(ciId, out var c)) return c;
            if (!graph.TryGetNode(ciId, out var node) || graph.StateAt(node, graph.Commits.Latest) is not { } s) return null;
            return _store.Model.Classes[s.ClassIndex];
        }
    }

    private async Task RemoveStaleRelationshipsAsync(RelationshipPlan plan, Actor actor, List<string> errors, CancellationToken cancellationToken)
    {
        var ops = new List<WriteOperation>();
        foreach (var sighting in plan.Remove)
        {
            plan.Removed.Add((sighting.Scope, sighting.Key));
            if (await _store.GetRelationshipAsync(sighting.RelationshipId, cancellationToken) is { ValidTo: null })
                ops.Add(new RemoveRelationship(sighting.RelationshipId) { Path = $"{sighting.Scope}:stale-relationship" });
        }

        await ApplyAsync(ops, actor, errors, (_, _) => { }, cancellationToken);
    }

    private static void Add(Dictionary<string, List<string>> map, string scope, string key)
    {
        if (!map.TryGetValue(scope, out var list)) map[scope] = list = [];
        list.Add(key);
    }
}
