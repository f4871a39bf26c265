using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

/// <summary>
/// A Bayes-optimal ranker for the accuracy benchmark ONLY: it knows the scenario generator's exact model (which CIs can
/// fail, uniformly; each observable CI reported with probability 0.7, at least one kept per fault; the spurious count
/// floor(0.1·kept + U) drawn uniformly from the unaffected monitored CIs; a change on the faulty CIs in half the trials;
/// the decoy process) and ranks hypotheses by their exact posterior. Its accuracy is the ceiling any ranking can reach
/// with the scenario's information. Never used by the product.
/// </summary>
/// <remarks>
/// Three change models are scored side by side (<see cref="DiagnosisOracleMode"/>): the exact one, a "fair" one that
/// knows how the cause's own change is drawn but treats every other change as an unrelated one at a base rate, and one
/// that ignores changes. The symptom model and the fault prior are exact in all three.
/// </remarks>
internal sealed partial class DiagnosisOracle
{
    private readonly GraphIndex _graph;
    private readonly bool[] _monitored;
    private readonly ImpactAnalyzer _impact = new(new ImpactOptions { DefaultMaxDepth = 50 });
    private readonly int[]?[] _observable;
    private readonly bool[] _single;
    private readonly bool[] _degrade;
    private readonly List<int>?[] _causesOf;
    private readonly int _live;
    private readonly int _watched;
    private readonly Dictionary<int, int[]> _near = [];
    private readonly Dictionary<int, HashSet<int>> _up = [];

    /// <param name="spreadingOnly">The generator's <c>--wide-faults-only</c> population.</param>
    public DiagnosisOracle(GraphIndex graph, bool[] monitored, bool spreadingOnly)
    {
        _graph = graph;
        _monitored = monitored;
        var seq = graph.Commits.Latest;
        _observable = new int[]?[graph.NodeCount];
        _single = new bool[graph.NodeCount];
        _degrade = new bool[graph.NodeCount];
        _causesOf = new List<int>?[graph.NodeCount];
        for (var n = 0; n < graph.NodeCount; n++)
        {
            if (graph.StateAt(n, seq) is not { IsRetired: false } s) continue;
            _live++;
            if (monitored[s.ClassIndex]) _watched++;
            var seen = Observable(n, out var down, out var degraded);
            _single[n] = seen.Length <= DiagnosisScenarioGenerator.MaxObservable && (spreadingOnly ? down >= 1 && seen.Length >= 2 : seen.Length >= 1);
            _degrade[n] = down == 0 && degraded > 0 && seen.Length > 0;
            if (!_single[n] && !_degrade[n]) continue;
            _observable[n] = seen;
            foreach (var m in seen) (_causesOf[m] ??= []).Add(n);
        }
    }

    public int PopulationSize(DiagnosisSetting setting) => (setting == DiagnosisSetting.DegradeOnly ? _degrade : _single).Count(x => x);

    /// <summary>Monitored CIs a fault in <paramref name="node"/> takes DOWN or leaves DEGRADED, exactly as the generator computes them.</summary>
    private int[] Observable(int node, out int downBesidesCause, out int degraded)
    {
        var result = _impact.Impact(_graph, [_graph.CiId(node)]);
        var found = new List<int>();
        downBesidesCause = 0;
        degraded = 0;
        foreach (var item in result.Items(0, result.TotalCount))
        {
            if (item.State == ImpactState.Down && !item.IsCause) downBesidesCause++;
            if (item.State == ImpactState.Degraded) degraded++;
            if (item.State < ImpactState.Degraded) continue;
            _graph.TryGetNode(item.CiId, out var m);
            if (_monitored[_graph.StateAt(m, _graph.Commits.Latest)!.ClassIndex]) found.Add(m);
        }

        found.Sort();
        return [.. found];
    }

    /// <summary>What the CI depends on within two hops (the generator's "near" decoy candidates, before faulty CIs are removed).</summary>
    private int[] Near(int node)
    {
        if (_near.TryGetValue(node, out var near)) return near;
        var deps = _impact.Dependencies(_graph, _graph.CiId(node), new ImpactScope { MaxDepth = 2 });
        return _near[node] = [.. deps.Items(0, deps.TotalCount).Where(i => i.Depth > 0).Select(i => Node(i.CiId))];
    }

    /// <summary>Everything the CI depends on (the generator's "upstream" decoy candidates for a symptom, before faulty CIs are removed).</summary>
    private HashSet<int> Up(int node)
    {
        if (_up.TryGetValue(node, out var up)) return up;
        var deps = _impact.Dependencies(_graph, _graph.CiId(node), new ImpactScope { MaxDepth = 50 });
        return _up[node] = [.. deps.Items(0, deps.TotalCount).Select(i => Node(i.CiId))];
    }

    private int Node(string ciId)
    {
        _graph.TryGetNode(ciId, out var n);
        return n;
    }
}
