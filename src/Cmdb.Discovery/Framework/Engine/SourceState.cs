using Cmdb.Domain.Discovery;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>A source's sightings in memory (scope to CI id or relationship key), so an unchanged run needs no reads.</summary>
internal sealed class SourceState
{
    public Dictionary<string, Dictionary<string, CiSighting>> Cis { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, RelationshipSighting>> Relationships { get; } = new(StringComparer.Ordinal);

    /// <summary>Scope to the time of its latest complete run since the state was loaded (rows loaded carry it already).</summary>
    public Dictionary<string, DateTimeOffset> Stamps { get; } = new(StringComparer.Ordinal);

    /// <summary>When the CI was last reported: a row with no misses was seen by its scope's latest complete run.</summary>
    public DateTimeOffset LastSeen(CiSighting s) =>
        s.Missed == 0 && !s.Retired && Stamps.TryGetValue(s.Scope, out var stamp) && stamp > s.LastSeen ? stamp : s.LastSeen;

    public static SourceState From(IReadOnlyList<CiSighting> cis, IReadOnlyList<RelationshipSighting> relationships)
    {
        var state = new SourceState();
        foreach (var s in cis) state.CisOf(s.Scope)[s.CiId] = s;
        foreach (var r in relationships) state.RelationshipsOf(r.Scope)[r.Key] = r;
        return state;
    }

    public Dictionary<string, CiSighting> CisOf(string scope)
    {
        if (!Cis.TryGetValue(scope, out var map)) Cis[scope] = map = new Dictionary<string, CiSighting>(StringComparer.Ordinal);
        return map;
    }

    public Dictionary<string, RelationshipSighting> RelationshipsOf(string scope)
    {
        if (!Relationships.TryGetValue(scope, out var map)) Relationships[scope] = map = new Dictionary<string, RelationshipSighting>(StringComparer.Ordinal);
        return map;
    }

    /// <summary>Applies a run's bookkeeping exactly as the store does, so the cache and the table stay equal.</summary>
    public void Apply(SightingChanges changes)
    {
        // Room first, scope by scope: a first run adds a row per item, and a map grown row by row copies itself a dozen times.
        if (changes.Upserts.Count > 0)
        {
            var added = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in changes.Upserts) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(added, row.Scope, out _)++;
            foreach (var (scope, n) in added)
            {
                var map = CisOf(scope);
                map.EnsureCapacity(map.Count + n);
            }
        }

        foreach (var row in changes.Upserts)
        {
            var map = CisOf(row.Scope);
            map[row.CiId] = map.TryGetValue(row.CiId, out var old) ? row with { FirstSeen = old.FirstSeen } : row;
        }

        foreach (var row in changes.RelationshipUpserts) RelationshipsOf(row.Scope)[row.Key] = row;
        foreach (var scope in changes.Scopes)
        {
            var cis = CisOf(scope.Scope);
            foreach (var id in scope.Missed) if (cis.TryGetValue(id, out var s)) cis[id] = s with { LastSeen = LastSeen(s), Missed = s.Missed + 1 };
            foreach (var id in scope.Seen) if (cis.TryGetValue(id, out var s)) cis[id] = s with { LastSeen = changes.At, Missed = 0 };
            if (scope.Complete) Stamps[scope.Scope] = Stamps.TryGetValue(scope.Scope, out var old) && old > changes.At ? old : changes.At;
            var rels = RelationshipsOf(scope.Scope);
            foreach (var k in scope.RelationshipsSeen) if (rels.TryGetValue(k, out var r)) rels[k] = r with { LastSeen = changes.At, Missed = 0 };
            foreach (var k in scope.RelationshipsMissed) if (rels.TryGetValue(k, out var r)) rels[k] = r with { Missed = r.Missed + 1 };
        }

        foreach (var (scope, key) in changes.RelationshipDeletes) RelationshipsOf(scope).Remove(key);
    }
}
