namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    private sealed partial class RankRun
    {
        /// <summary>
        /// Ranks CIs by their posterior probability of having failed: the share, over all hypotheses scored (single
        /// candidates and the best pairs), of those containing the CI. When a pair dominates, both halves take ranks 1
        /// and 2. Ties go to the CI met first walking the hypotheses best first.
        /// </summary>
        public DiagnosisResult Output(int first)
        {
            var hypotheses = new List<(double Score, int A, int B)>(_nodes.Length + _pairs.Count);
            for (var i = 0; i < _nodes.Length; i++) hypotheses.Add((_single[i], i, -1));
            foreach (var (a, b, s) in _pairs) hypotheses.Add(_rankOf[a] <= _rankOf[b] ? (s, a, b) : (s, b, a));
            hypotheses.Sort((x, y) =>
            {
                var c = y.Score.CompareTo(x.Score);
                if (c != 0) return c;
                c = (x.B >= 0).CompareTo(y.B >= 0); // a single before a pair that scores the same
                if (c != 0) return c;
                c = _rankOf[x.A].CompareTo(_rankOf[y.A]);
                return c != 0 ? c : (x.B < 0 ? 0 : _rankOf[x.B].CompareTo(_rankOf[y.B]));
            });

            // Walk the hypotheses best first: the order a CI is first met in (and the partner it was met with) breaks ties.
            var posterior = Posterior(hypotheses);
            var metAt = new int[_nodes.Length];
            var partnerOf = new int[_nodes.Length];
            var scoreOf = new double[_nodes.Length];
            Array.Fill(metAt, -1);
            var met = 0;
            foreach (var (score, a, b) in hypotheses)
            {
                foreach (var (member, partner) in b < 0 ? [(a, -1)] : new[] { (a, b), (b, a) })
                {
                    if (metAt[member] >= 0) continue;
                    metAt[member] = met++;
                    partnerOf[member] = partner;
                    scoreOf[member] = score;
                }
            }

            // Rank by the posterior probability that the CI failed (summed over every hypothesis containing it) — except
            // that the best member of a group of indistinguishable CIs stands for the whole group: topology only knows
            // that one of them failed, so two twins must not fill the first two places ahead of a second, independent fault.
            var groups = IndistinguishableGroups();
            var groupOf = GroupOf(groups);
            var key = RankKeys(hypotheses, posterior, metAt, groupOf);
            var ranking = new int[_nodes.Length];
            for (var i = 0; i < ranking.Length; i++) ranking[i] = i;
            Array.Sort(ranking, (x, y) =>
            {
                var c = key[y].CompareTo(key[x]);
                return c != 0 ? c : metAt[x].CompareTo(metAt[y]);
            });
            if (_engine.Options.DistinctRunnerUp && _engine.Options.Ranking == DiagnosisRanking.Probabilistic) DistinctRunnerUp(ranking, groupOf);
            var causes = new List<ProbableCause>(Math.Min(first, _nodes.Length));
            foreach (var member in ranking.Take(first))
            {
                var partner = partnerOf[member];
                causes.Add(new ProbableCause(
                    _ids[member], causes.Count + 1, Math.Round(posterior[member], 6), Math.Round(scoreOf[member], 3),
                    partner < 0 ? null : _ids[partner], Evidence(member, groups)));
            }

            var symptomIds = Array.ConvertAll(_scope.SymptomNodes, _scope.Graph.CiId);
            return new DiagnosisResult(_scope.Request.StartedAt, _scope.Seq, symptomIds, _nodes.Length, _scope.Truncated, causes);
        }

        private double[] Posterior(List<(double Score, int A, int B)> hypotheses)
        {
            var posterior = new double[_nodes.Length];
            if (hypotheses.Count == 0) return posterior;
            var max = hypotheses[0].Score;
            var z = 0.0;
            foreach (var h in hypotheses) z += Math.Exp(h.Score - max);
            foreach (var (score, a, b) in hypotheses)
            {
                var share = Math.Exp(score - max) / z;
                posterior[a] += share;
                if (b >= 0) posterior[b] += share;
            }

            return posterior;
        }

        /// <summary>Candidates grouped by the observable set their failure predicts (only those whose walk was complete).</summary>
        private Dictionary<(ulong, int), List<int>> IndistinguishableGroups()
        {
            var groups = new Dictionary<(ulong, int), List<int>>();
            for (var i = 0; i < _nodes.Length; i++)
            {
                var p = _predictions[i];
                if (p.Capped) continue;
                if (!groups.TryGetValue((p.Signature, p.Predicted), out var list)) groups[(p.Signature, p.Predicted)] = list = [];
                list.Add(i);
            }

            return groups;
        }

        private CauseEvidence Evidence(int i, Dictionary<(ulong, int), List<int>> groups)
        {
            var missed = new List<int>();
            var bits = new ulong[_words];
            var p = _predictor.Predict([_nodes[i]], _missedCap, bits, missed);
            var explained = new List<string>();
            var unexplained = new List<string>();
            var graph = _scope.Graph;
            for (var s = 0; s < _scope.SymptomNodes.Length; s++)
            {
                var id = graph.CiId(_scope.SymptomNodes[s]);
                if ((bits[s >> 6] & (1UL << (s & 63))) != 0) explained.Add(id);
                else unexplained.Add(id);
            }

            var healthy = missed.Select(graph.CiId).Order(StringComparer.Ordinal).Take(_engine.Options.HealthyDependentsListed).ToList();
            var same = p.Capped || !groups.TryGetValue((p.Signature, p.Predicted), out var group) ? []
                : group.Where(j => j != i).Select(j => _ids[j]).Order(StringComparer.Ordinal).Take(10).ToList();
            var events = _evidence.Events.TryGetValue(_ids[i], out var ev) ? ev.Where(e => Firing(e, _scope)).ToList() : [];
            var past = _evidence.PastRootCauses.TryGetValue(_ids[i], out var n) ? n : 0;
            return new CauseEvidence(explained, unexplained, p.Missed, p.Capped, healthy, Changes(i), events, past, same);
        }

        private List<ChangeEvidence> Changes(int i)
        {
            var found = new List<ChangeEvidence>();
            Add(_ids[i], onCandidate: true);
            foreach (var n in Neighbours(_scope.Graph, _nodes[i], _scope.Seq).Distinct()) Add(_scope.Graph.CiId(n), onCandidate: false);
            return [.. found.OrderByDescending(c => c.Change.At).ThenBy(c => c.Change.CiId, StringComparer.Ordinal).Take(20)];

            void Add(string ciId, bool onCandidate)
            {
                if (!_evidence.Changes.TryGetValue(ciId, out var list)) return;
                foreach (var c in list)
                {
                    if (c.At <= _scope.Request.StartedAt && c.At >= _scope.WindowStart) found.Add(new ChangeEvidence(c, onCandidate));
                }
            }
        }
    }
}
