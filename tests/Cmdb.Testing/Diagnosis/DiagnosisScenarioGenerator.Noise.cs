using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Impact;

namespace Cmdb.Testing.Diagnosis;

public sealed partial class DiagnosisScenarioGenerator
{
    /// <summary>Drops reports, keeping at least one per fault, adds spurious ones and shuffles.</summary>
    private string[] Report(HashSet<int>[] observable)
    {
        var kept = new List<int>();
        var all = new HashSet<int>();
        foreach (var set in observable)
        {
            var ordered = set.Order().ToList();
            all.UnionWith(ordered);
            var mine = ordered.Where(_ => !_random.Chance(DropRate)).ToList();
            if (mine.Count == 0) mine.Add(ordered[_random.Next(ordered.Count)]);
            kept.AddRange(mine.Where(n => !kept.Contains(n)));
        }

        var spurious = (int)Math.Floor(SpuriousRate * kept.Count + _random.NextDouble());
        for (var tries = 0; spurious > 0 && tries < 1000; tries++)
        {
            var n = _watched[_random.Next(_watched.Length)];
            if (all.Contains(n) || kept.Contains(n)) continue;
            kept.Add(n);
            spurious--;
        }

        _random.Shuffle(kept);
        return [.. kept.Select(_graph.CiId)];
    }

    /// <summary>
    /// A change on the causes in half the cases (recorded or only discovered, within six hours before the start); decoys
    /// in every case, anywhere in the day before: on a CI the first cause depends on (one or two hops), on another CI
    /// upstream of a reported symptom, and on two CIs anywhere.
    /// </summary>
    /// <remarks>Lists are sorted by id before picking: traversal order is not part of any contract.</remarks>
    private (DiagnosisEvidence Evidence, bool Changed) Changes(int[] faults, string[] symptoms)
    {
        var changes = new List<DiagnosisChange>();
        var changed = _random.Chance(0.5);
        if (changed)
        {
            foreach (var f in faults)
            {
                var kind = _random.Chance(0.5) ? DiagnosisChangeKind.ChangeRecord : DiagnosisChangeKind.Discovered;
                changes.Add(Change(f, kind, _random.Between(5, 6 * 60)));
            }
        }

        // Decoys are never on a faulty CI (the issue: "decoy changes elsewhere"), also not on a second fault upstream.
        var faulty = faults.Select(_graph.CiId).ToHashSet(StringComparer.Ordinal);
        var needs = _impact.Dependencies(_graph, _graph.CiId(faults[0]), new ImpactScope { MaxDepth = 2 });
        var near = needs.Items(0, needs.TotalCount).Where(i => i.Depth > 0 && !faulty.Contains(i.CiId)).Select(i => i.CiId).Order(StringComparer.Ordinal).ToList();
        if (near.Count > 0) changes.Add(Decoy(near[_random.Next(near.Count)]));
        var upstream = _impact.Dependencies(_graph, symptoms[_random.Next(symptoms.Length)], new ImpactScope { MaxDepth = 50 });
        var others = upstream.Items(0, upstream.TotalCount).Select(i => i.CiId).Where(id => !faulty.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (others.Count > 0) changes.Add(Decoy(others[_random.Next(others.Count)]));
        for (var i = 0; i < 2; i++)
        {
            var random = _graph.CiId(_live[_random.Next(_live.Length)]);
            while (faulty.Contains(random)) random = _graph.CiId(_live[_random.Next(_live.Length)]);
            changes.Add(Decoy(random));
        }

        return (DiagnosisEvidence.From(changes), changed);
    }

    private DiagnosisChange Decoy(string ciId)
    {
        var kind = (DiagnosisChangeKind)_random.Next(3);
        _graph.TryGetNode(ciId, out var node);
        return Change(node, kind, _random.Between(5, 24 * 60));
    }

    private DiagnosisChange Change(int node, DiagnosisChangeKind kind, int minutesBefore) =>
        new(_graph.CiId(node), _startedAt.AddMinutes(-minutesBefore), kind, $"injected {kind}", "benchmark", null);
}
