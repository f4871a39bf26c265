namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    /// <summary>The working state of one <see cref="Rank"/> call: every candidate's prediction, prior and score.</summary>
    private sealed partial class RankRun
    {
        private readonly DiagnosisEngine _engine;
        private readonly DiagnosisScope _scope;
        private readonly DiagnosisEvidence _evidence;
        private readonly Predictor _predictor;
        private readonly ObservationModel _model;
        private readonly int[] _nodes;
        private readonly string[] _ids;
        private readonly int _words;
        private readonly ulong[] _bits;
        private readonly Prediction[] _predictions;
        private readonly double[] _single;
        private readonly int _missedCap;
        private const double BoundMargin = 3;
        private readonly List<(int A, int B, double Score)> _pairs = [];
        private double[] _prior = [];
        private int[] _order = [];
        private int[] _rankOf = [];

        public RankRun(DiagnosisEngine engine, DiagnosisScope scope, DiagnosisEvidence evidence, Predictor predictor, ObservationModel model)
        {
            _engine = engine;
            _scope = scope;
            _evidence = evidence;
            _predictor = predictor;
            _model = model;
            _nodes = scope.CandidateNodes;
            _ids = Array.ConvertAll(_nodes, scope.Graph.CiId);
            _words = (scope.SymptomNodes.Length + 63) / 64;
            _bits = new ulong[_nodes.Length * _words];
            _predictions = new Prediction[_nodes.Length];
            _single = new double[_nodes.Length];

            // Past this many unreported dependents a candidate cannot beat one that explains nothing at all.
            _missedCap = 64 + 8 * scope.SymptomNodes.Length;
        }

        private Span<ulong> Bits(int i) => _bits.AsSpan(i * _words, _words);

        public void ScoreSingles()
        {
            var indexOf = IndexOf(_nodes);
            _prior = _engine.Priors(_scope, _evidence, _ids, indexOf);
            var naive = _engine.Options.Ranking == DiagnosisRanking.Naive;
            Span<int> one = stackalloc int[1];
            var best = new PriorityQueue<int, double>(); // the best scores so far, worst on top
            var keep = Math.Max(16, 2 * _engine.Options.PairSeeds);
            for (var i = 0; i < _nodes.Length; i++)
            {
                one[0] = _nodes[i];
                var p = _predictions[i] = _predictor.Predict(one, naive ? _missedCap : Cap(best, keep, i), Bits(i));
                _single[i] = naive ? p.Explained - p.Missed + (HasChange(i) ? 1 : 0) : _model.LogLikelihood(p.Explained, p.Missed) + _prior[i];
                if (p.Capped) continue;
                if (best.Count < keep) best.Enqueue(i, _single[i]);
                else if (best.TryPeek(out _, out var worst) && _single[i] > worst) best.EnqueueDequeue(i, _single[i]);
            }

            _order = new int[_nodes.Length];
            for (var i = 0; i < _order.Length; i++) _order[i] = i;
            Array.Sort(_order, CompareSingles);
            _rankOf = new int[_nodes.Length];
            for (var r = 0; r < _order.Length; r++) _rankOf[_order[r]] = r;
        }

        /// <summary>
        /// Looks for two independent faults: each of the best few candidates is paired with every candidate that explains
        /// a symptom it does not (and that does not explain everything it explains); the most promising pairs (estimated from the single tallies) are then propagated jointly,
        /// so two members of one redundancy group failing together count as the group failing.
        /// </summary>
        public void ScorePairs()
        {
            if (_scope.SymptomNodes.Length < 2 || _nodes.Length < 2) return;
            var seeds = Math.Min(_engine.Options.PairSeeds, _nodes.Length);
            var heap = new PriorityQueue<(int A, int B), double>();
            var seen = new HashSet<long>();
            for (var s = 0; s < seeds; s++)
            {
                var a = _order[s];
                if (_predictions[a].Capped) continue;
                for (var b = 0; b < _nodes.Length; b++)
                {
                    // Each half must explain a report the other does not: a CI that adds nothing cannot be inferred from
                    // the symptoms, however recently it changed.
                    if (b == a || _predictions[b].Capped || !AddsAny(Bits(a), Bits(b)) || !AddsAny(Bits(b), Bits(a))) continue;
                    var key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                    if (!seen.Add(key)) continue;
                    var estimate = _model.LogLikelihood(PopCount(Bits(a), Bits(b)), _predictions[a].Missed + _predictions[b].Missed)
                        + _prior[a] + _prior[b] + _model.Fault;
                    if (heap.Count < _engine.Options.PairsRescored) heap.Enqueue((a, b), estimate);
                    else if (heap.TryPeek(out _, out var worst) && estimate > worst) heap.EnqueueDequeue((a, b), estimate);
                }
            }

            Span<int> two = stackalloc int[2];
            var scratch = new ulong[_words];
            while (heap.TryDequeue(out var pair, out _))
            {
                two[0] = _nodes[pair.A];
                two[1] = _nodes[pair.B];
                var p = _predictor.Predict(two, _missedCap, scratch);
                if (p.Capped) continue;
                var score = _model.LogLikelihood(p.Explained, p.Missed) + _prior[pair.A] + _prior[pair.B] + _model.Fault;
                _pairs.Add((pair.A, pair.B, score));
            }
        }

        /// <summary>
        /// Branch and bound: even explaining every symptom, a candidate with more unreported dependents than this scores
        /// below the <paramref name="keep"/>-th best so far (less a safety margin), so its walk may stop there.
        /// </summary>
        private int Cap(PriorityQueue<int, double> best, int keep, int i)
        {
            if (best.Count < keep || !best.TryPeek(out _, out var threshold)) return _missedCap;
            var room = (_model.Symptoms * _model.Hit + _prior[i] - threshold + BoundMargin) / -_model.Miss;
            return room >= _missedCap ? _missedCap : Math.Max(0, (int)room);
        }

        private bool HasChange(int i) =>
            _evidence.Changes.TryGetValue(_ids[i], out var changes) && changes.Any(c => _engine.ChangeWeight(c, _scope) > 0);

        /// <summary>Best score first; ties go to the stronger prior, then the CI nearer the symptoms, then the id.</summary>
        private int CompareSingles(int x, int y)
        {
            var c = _single[y].CompareTo(_single[x]);
            if (c != 0) return c;
            c = _prior[y].CompareTo(_prior[x]);
            if (c != 0) return c;
            c = _scope.CandidateDepths[x].CompareTo(_scope.CandidateDepths[y]);
            return c != 0 ? c : string.CompareOrdinal(_ids[x], _ids[y]);
        }
    }
}
