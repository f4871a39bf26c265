using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

internal sealed partial class DiagnosisOracle
{
    /// <summary>The oracle's rankings of one scenario, one per <see cref="DiagnosisOracleMode"/> (in enum order).</summary>
    public DiagnosisOracleResult[] Rank(DiagnosisScenario scenario)
    {
        var symptoms = scenario.SymptomCiIds.Select(Node).ToArray();
        var index = new Dictionary<int, int>();
        for (var i = 0; i < symptoms.Length; i++) index[symptoms[i]] = i;
        var words = (symptoms.Length + 63) / 64;
        var population = scenario.Setting == DiagnosisSetting.DegradeOnly ? _degrade : _single;
        var candidates = new List<int>();
        var seen = new HashSet<int>();
        foreach (var s in symptoms)
        {
            if (_causesOf[s] is not { } list) continue;
            foreach (var f in list)
            {
                if (population[f] && seen.Add(f)) candidates.Add(f);
            }
        }

        var bits = new ulong[candidates.Count * words];
        var k = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            foreach (var m in _observable[candidates[c]]!)
            {
                if (!index.TryGetValue(m, out var i)) continue;
                bits[(c * words) + (i >> 6)] |= 1UL << (i & 63);
                k[c]++;
            }
        }

        // Hypotheses (candidate index a, b or -1) with a finite symptom log-likelihood under the exact noise model.
        var hypotheses = new List<(int A, int B, double Symptoms)>();
        var n = symptoms.Length;
        if (scenario.Setting != DiagnosisSetting.TwoFaults)
        {
            for (var c = 0; c < candidates.Count; c++)
            {
                var o = _observable[candidates[c]]!.Length;
                var log = FaultLog(k[c], o) + NoiseLog(k[c], n - k[c], _watched - o);
                if (!double.IsNegativeInfinity(log)) hypotheses.Add((c, -1, log));
            }
        }
        else
        {
            Pairs(candidates, bits, words, k, n, hypotheses);
        }

        var changes = ChangesOf(scenario);
        var truth = scenario.Causes.Select(Node).ToHashSet();
        var context = new ChangeContext(symptoms, changes, Math.Max(1, candidates.Count));
        var results = new DiagnosisOracleResult[Enum.GetValues<DiagnosisOracleMode>().Length];
        foreach (var mode in Enum.GetValues<DiagnosisOracleMode>())
        {
            var scored = new List<(int A, int B, double Log)>(hypotheses.Count);
            foreach (var (a, b, sym) in hypotheses)
            {
                int[] faults = b < 0 ? [candidates[a]] : [candidates[a], candidates[b]];
                var log = sym + ChangeLog(mode, faults, context);
                if (!double.IsNegativeInfinity(log)) scored.Add((a, b, log));
            }

            results[(int)mode] = Order(scored, candidates, truth, scenario.Setting == DiagnosisSetting.TwoFaults);
        }

        return results;
    }

    /// <summary>Every pair of candidates with disjoint observable impact, neither in the other's, explaining enough reports.</summary>
    private void Pairs(List<int> candidates, ulong[] bits, int words, int[] k, int n, List<(int A, int B, double Symptoms)> into)
    {
        var order = Enumerable.Range(0, candidates.Count).Where(c => k[c] > 0).OrderByDescending(c => k[c]).ToArray();
        for (var x = 0; x < order.Length; x++)
        {
            var a = order[x];
            for (var y = x + 1; y < order.Length; y++)
            {
                var b = order[y];
                var kk = k[a] + k[b];
                if (n - kk > MaxNoise(kk)) break; // k[b] only falls from here on
                if (n - kk < 0 || !Disjoint(bits.AsSpan(a * words, words), bits.AsSpan(b * words, words))) continue;
                var oa = _observable[candidates[a]]!;
                var ob = _observable[candidates[b]]!;
                if (oa.AsSpan().BinarySearch(candidates[b]) >= 0 || ob.AsSpan().BinarySearch(candidates[a]) >= 0 || Overlap(oa, ob)) continue;
                var log = FaultLog(k[a], oa.Length) + FaultLog(k[b], ob.Length) + NoiseLog(kk, n - kk, _watched - oa.Length - ob.Length);
                if (!double.IsNegativeInfinity(log)) into.Add((a, b, log));
            }
        }
    }

    /// <summary>Normalises and orders: singles by posterior; pairs with the best pair first, then by marginal posterior.</summary>
    private DiagnosisOracleResult Order(List<(int A, int B, double Log)> scored, List<int> candidates, HashSet<int> truth, bool pairs)
    {
        if (scored.Count == 0) return new DiagnosisOracleResult([], 0, 0, 0);
        var max = scored.Max(h => h.Log);
        var z = scored.Sum(h => Math.Exp(h.Log - max));
        var marginal = new Dictionary<int, double>();
        (int A, int B, double P) best = (-1, -1, -1);
        var truthPosterior = 0.0;
        foreach (var (a, b, log) in scored)
        {
            var p = Math.Exp(log - max) / z;
            marginal[a] = marginal.GetValueOrDefault(a) + p;
            if (b >= 0) marginal[b] = marginal.GetValueOrDefault(b) + p;
            if (p > best.P || (p == best.P && string.CompareOrdinal(Id(candidates, a, b), Id(candidates, best.A, best.B)) < 0)) best = (a, b, p);
            if (truth.Contains(candidates[a]) && (b < 0 ? truth.Count == 1 : truth.Contains(candidates[b]))) truthPosterior += p;
        }

        var ranked = marginal.Keys
            .OrderByDescending(c => pairs && (c == best.A || c == best.B))
            .ThenByDescending(c => marginal[c])
            .ThenBy(c => _graph.CiId(candidates[c]), StringComparer.Ordinal)
            .Take(10).Select(c => _graph.CiId(candidates[c])).ToList();
        return new DiagnosisOracleResult(ranked, best.P, truthPosterior, scored.Count);
    }

    private string Id(List<int> candidates, int a, int b) =>
        a < 0 ? "\uffff" : _graph.CiId(candidates[a]) + (b < 0 ? "" : "/" + _graph.CiId(candidates[b]));

    private static bool Disjoint(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] & b[i]) != 0) return false;
        }

        return true;
    }

    private static bool Overlap(int[] a, int[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) return true;
            if (a[i] < b[j]) i++;
            else j++;
        }

        return false;
    }
}
