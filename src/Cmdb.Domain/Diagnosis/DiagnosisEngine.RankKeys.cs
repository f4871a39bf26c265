namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    private sealed partial class RankRun
    {
        /// <summary>Group number per candidate for the groups of at least two indistinguishable candidates; -1 otherwise.</summary>
        private int[] GroupOf(Dictionary<(ulong, int), List<int>> groups)
        {
            var groupOf = new int[_nodes.Length];
            Array.Fill(groupOf, -1);
            var g = 0;
            foreach (var members in groups.Values)
            {
                if (members.Count < 2) continue;
                foreach (var m in members) groupOf[m] = g;
                g++;
            }

            return groupOf;
        }

        /// <summary>
        /// The sort key per CI: its posterior, or for the leading member of an indistinguishable group (highest posterior,
        /// then met first) the group's posterior — the summed share of the hypotheses containing any of its members.
        /// </summary>
        private double[] RankKeys(List<(double Score, int A, int B)> hypotheses, double[] posterior, int[] metAt, int[] groupOf)
        {
            var key = (double[])posterior.Clone();
            var groupCount = groupOf.Length == 0 ? 0 : groupOf.Max() + 1;
            if (hypotheses.Count == 0 || groupCount == 0 || _engine.Options.Ranking == DiagnosisRanking.Naive) return key;
            var leaders = new int[groupCount];
            Array.Fill(leaders, -1);
            for (var m = 0; m < groupOf.Length; m++)
            {
                var g = groupOf[m];
                if (g < 0) continue;
                var leader = leaders[g];
                var c = leader < 0 ? 1 : posterior[m].CompareTo(posterior[leader]);
                if (c > 0 || (c == 0 && metAt[m] < metAt[leader])) leaders[g] = m;
            }

            var mass = new double[groupCount];
            var max = hypotheses[0].Score;
            var z = 0.0;
            foreach (var h in hypotheses) z += Math.Exp(h.Score - max);
            foreach (var (score, a, b) in hypotheses)
            {
                var share = Math.Exp(score - max) / z;
                var ga = groupOf[a];
                var gb = b < 0 ? -1 : groupOf[b];
                if (ga >= 0) mass[ga] += share;
                if (gb >= 0 && gb != ga) mass[gb] += share;
            }

            for (var g = 0; g < groupCount; g++) key[leaders[g]] = Math.Max(key[leaders[g]], mass[g]);
            return key;
        }

        /// <summary>
        /// When the second place would go to a twin of the first (same predicted observable set) — or, with
        /// <see cref="DiagnosisOptions.RunnerUpAlternatives"/>, to any candidate explaining no report the first leaves
        /// unexplained — and the first leaves reports unexplained, the best candidate for a second fault explaining them
        /// (a partner of the first's group in a scored pair) takes it instead: the runner-up only re-explains what the
        /// first already does and is named in the first cause's <c>indistinguishableFrom</c> or ranked just below.
        /// </summary>
        private void DistinctRunnerUp(int[] ranking, int[] groupOf)
        {
            if (ranking.Length < 3) return;
            var first = ranking[0];
            var g = groupOf[first];
            var twin = g >= 0 && groupOf[ranking[1]] == g;
            var alternative = _engine.Options.RunnerUpAlternatives && !AddsAny(Bits(first), Bits(ranking[1]));
            if (!twin && !alternative) return;
            var partners = new HashSet<int>();
            foreach (var (a, b, _) in _pairs)
            {
                var other = InGroup(a) ? b : InGroup(b) ? a : -1;
                if (other >= 0 && AddsAny(Bits(first), Bits(other))) partners.Add(other);
            }

            var j = 2;
            while (j < ranking.Length && (InGroup(ranking[j]) || !partners.Contains(ranking[j]))) j++;
            if (j == ranking.Length) return;
            var moved = ranking[j];
            Array.Copy(ranking, 1, ranking, 2, j - 1);
            ranking[1] = moved;

            bool InGroup(int i) => i == first || (g >= 0 && groupOf[i] == g);
        }
    }
}
