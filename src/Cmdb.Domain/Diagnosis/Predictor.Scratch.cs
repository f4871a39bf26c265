using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Diagnosis;

internal sealed partial class Predictor
{
    private void Begin(GraphIndex graph, TraversalRules downstream, bool[] monitored, ReadOnlySpan<int> symptoms)
    {
        _graph = graph;
        _rules = downstream;
        _view = graph.View(); // edges first, then nodes: every node an edge in this snapshot touches is below the count
        _monitored = monitored;
        var nodes = graph.NodeCount;
        if (_stamp.Length < nodes)
        {
            var size = Math.Max(nodes, _stamp.Length * 2);
            _stamp = new int[size];
            _state = new ImpactState[size];
            _pushed = new ImpactState[size];
            _minHealthy = new int[size];
            _classIndex = new int[size];
            _alternatives = new int[size];
            _failed = new int[size];
            _degraded = new int[size];
            _symptomStamp = new int[size];
            _symptomIndex = new int[size];
            _generation = 0;
            _symptomGeneration = 0;
        }

        if (++_symptomGeneration == int.MaxValue)
        {
            Array.Clear(_symptomStamp);
            _symptomGeneration = 1;
        }

        for (var i = 0; i < symptoms.Length; i++)
        {
            _symptomStamp[symptoms[i]] = _symptomGeneration;
            _symptomIndex[symptoms[i]] = i;
        }
    }

    private void NextRun()
    {
        _queued = 0;
        _touchedCount = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    private void Touch(int node)
    {
        if (_stamp[node] == _generation) return;
        _stamp[node] = _generation;
        _state[node] = ImpactState.None;
        _pushed[node] = ImpactState.None;
        _alternatives[node] = -1;
        _failed[node] = 0;
        _degraded[node] = 0;
        var facts = _graph.StateAt(node, _rules.Seq);
        _minHealthy[node] = facts is null || facts.IsRetired ? -1 : facts.MinHealthy;
        _classIndex[node] = facts?.ClassIndex ?? 0;
        if (_touchedCount == _touched.Length) Array.Resize(ref _touched, _touched.Length * 2);
        _touched[_touchedCount++] = node;
    }

    private void Enqueue(int node)
    {
        if (_queued == _queue.Length) Array.Resize(ref _queue, _queue.Length * 2);
        _queue[_queued++] = node;
    }
}
