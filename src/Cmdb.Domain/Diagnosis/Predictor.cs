using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// Predicts what a fault makes observable: the CIs it takes DOWN or leaves DEGRADED, by the impact engine's rules
/// (trouble follows each type's propagation; a CI with minHealthy is down only when too few redundant alternatives are
/// left). Only those two states are tracked: AT_RISK is invisible to monitoring and never becomes worse downstream, so
/// the walk stops there — which keeps a hypervisor's prediction to its guests instead of the whole estate.
/// </summary>
/// <remarks>
/// States only get worse while the worklist runs, so the count of predicted-but-unreported CIs only grows: a walk may
/// stop once it passes <c>missedCap</c> and that count is a valid lower bound. Arrays are stamped per run and cached per
/// thread, so a prediction costs what it touches, not the size of the estate.
/// </remarks>
internal sealed partial class Predictor
{
    [ThreadStatic]
    private static Predictor? t_cached;

    private int[] _stamp = [];
    private int _generation;
    private ImpactState[] _state = [];
    private ImpactState[] _pushed = [];
    private int[] _minHealthy = []; // -1: not live at the seq
    private int[] _classIndex = [];
    private int[] _alternatives = []; // -1: not counted yet
    private int[] _failed = [];
    private int[] _degraded = [];
    private int[] _symptomStamp = [];
    private int[] _symptomIndex = [];
    private int _symptomGeneration;
    private int[] _queue = new int[256];
    private int _queued;
    private int[] _touched = new int[256];
    private int _touchedCount;

    private GraphIndex _graph = null!;
    private TraversalRules _rules = null!;
    private TopologyView _view;
    private bool[] _monitored = [];

    public static Predictor Rent(GraphIndex graph, TraversalRules downstream, bool[] monitored, ReadOnlySpan<int> symptoms)
    {
        var p = t_cached ?? new Predictor();
        t_cached = null;
        p.Begin(graph, downstream, monitored, symptoms);
        return p;
    }

    public static void Return(Predictor p)
    {
        p._graph = null!;
        p._view = default;
        t_cached = p;
    }

    /// <summary>Index of the node in the symptom list, or -1.</summary>
    public int SymptomIndex(int node) => _symptomStamp[node] == _symptomGeneration ? _symptomIndex[node] : -1;

    public bool IsMonitored(int node) => _monitored[_graph.StateAt(node, _rules.Seq)!.ClassIndex];

    /// <summary>
    /// Propagates a fault in <paramref name="causes"/> and tallies what it makes observable. Explained symptoms are set in
    /// <paramref name="explained"/> (one bit per symptom index); <paramref name="missed"/>, when given, receives the
    /// predicted-but-unreported CIs.
    /// </summary>
    public Prediction Predict(ReadOnlySpan<int> causes, int missedCap, Span<ulong> explained, List<int>? missed = null)
    {
        explained.Clear();
        NextRun();
        var tally = new Tally(explained, missedCap, missed);
        foreach (var c in causes)
        {
            Touch(c);
            if (_state[c] == ImpactState.Down) continue;
            _state[c] = ImpactState.Down;
            Observe(c, ref tally);
            Enqueue(c);
        }

        for (var head = 0; head < _queued && !tally.Capped; head++)
        {
            var u = _queue[head];
            var before = _pushed[u];
            var now = _state[u];
            if (before == now) continue;
            _pushed[u] = now;
            Push(u, before, now, ref tally);
        }

        return new Prediction(tally.Explained, tally.Missed, tally.Capped, tally.Signature, tally.Predicted);
    }

    private void Push(int u, ImpactState before, ImpactState now, ref Tally tally)
    {
        // Cursors read the other end and the type from the rows' packed entries: no per-edge lookups.
        var seq = _rules.Seq;
        for (var c = new IncidentCursor(_view, outgoing: true, _rules.FollowOut, u, seq); c.MoveNext();)
        {
            Offer(c.Other, u, c.Type, before, now, ref tally);
            if (tally.Capped) return;
        }

        for (var c = new IncidentCursor(_view, outgoing: false, _rules.FollowIn, u, seq); c.MoveNext();)
        {
            Offer(c.Other, u, c.Type, before, now, ref tally);
            if (tally.Capped) return;
        }
    }

    private void Offer(int v, int from, int type, ImpactState before, ImpactState now, ref Tally tally)
    {
        if (v == from) return;
        Touch(v);
        if (_minHealthy[v] < 0 || _state[v] == ImpactState.Down) return;
        ImpactState offered;
        if (_rules.Redundant[type] && _minHealthy[v] > 0)
        {
            if (_alternatives[v] < 0) _alternatives[v] = CountAlternatives(v);
            Count(v, before, -1);
            Count(v, now, +1);
            var failed = _failed[v];
            offered = failed > 0 && _alternatives[v] - failed < _minHealthy[v] ? ImpactState.Down
                : failed > 0 || _degraded[v] > 0 ? ImpactState.Degraded : ImpactState.None;
        }
        else
        {
            offered = now == ImpactState.Down ? ImpactState.Down : ImpactState.None; // degraded reaches on only as AT_RISK
        }

        if (offered <= _state[v]) return;
        var wasVisible = _state[v] >= ImpactState.Degraded;
        _state[v] = offered;
        if (!wasVisible) Observe(v, ref tally);
        Enqueue(v);
    }

    private void Observe(int node, ref Tally tally)
    {
        if (!_monitored[_classIndex[node]]) return;
        tally.Predicted++;
        tally.Signature += Mix((ulong)node);
        var s = SymptomIndex(node);
        if (s >= 0)
        {
            tally.ExplainedBits[s >> 6] |= 1UL << (s & 63);
            tally.Explained++;
            return;
        }

        tally.Missed++;
        tally.MissedList?.Add(node);
        if (tally.Missed > tally.MissedCap) tally.Capped = true;
    }

    private void Count(int v, ImpactState state, int delta)
    {
        if (state == ImpactState.Down) _failed[v] += delta;
        else if (state == ImpactState.Degraded) _degraded[v] += delta;
    }

    /// <summary>Live redundant relationships through which trouble could reach <paramref name="node"/> (as the impact engine counts them).</summary>
    private int CountAlternatives(int node)
    {
        var seq = _rules.Seq;
        var n = 0;
        for (var c = new IncidentCursor(_view, outgoing: true, _rules.FollowIn, node, seq); c.MoveNext();)
        {
            if (_rules.Redundant[c.Type] && c.Other != node && IsAlternative(c.Other)) n++;
        }

        for (var c = new IncidentCursor(_view, outgoing: false, _rules.FollowOut, node, seq); c.MoveNext();)
        {
            if (_rules.Redundant[c.Type] && c.Other != node && IsAlternative(c.Other)) n++;
        }

        return n;
    }

    /// <remarks>A named cause counts even when retired, as in the impact engine.</remarks>
    private bool IsAlternative(int other)
    {
        Touch(other);
        return _minHealthy[other] >= 0 || _state[other] == ImpactState.Down;
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private ref struct Tally(Span<ulong> explainedBits, int missedCap, List<int>? missedList)
    {
        public Span<ulong> ExplainedBits = explainedBits;
        public int MissedCap = missedCap;
        public List<int>? MissedList = missedList;
        public int Explained;
        public int Missed;
        public int Predicted;
        public ulong Signature;
        public bool Capped;
    }
}
