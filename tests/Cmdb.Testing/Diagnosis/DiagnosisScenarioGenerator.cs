using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Testing.Diagnosis;

/// <summary>
/// Injects faults into an estate and produces what monitoring would report, deterministically for a seed. The truth
/// comes from the impact analyzer (an implementation independent of the diagnosis engine's predictor): a fault's
/// observable impact is every monitored CI it takes DOWN or leaves DEGRADED. Then 30 % of the reports are dropped (at
/// least one per fault is kept), 10 % spurious ones are added, a recorded or discovery-observed change is put on the
/// faulty CI in half the cases, and decoy changes elsewhere — on something the cause depends on, on another CI upstream
/// of the symptoms, and on two random CIs — in all of them.
/// </summary>
public sealed partial class DiagnosisScenarioGenerator
{
    public const double DropRate = 0.3;
    public const double SpuriousRate = 0.1;
    public const int MaxObservable = 300;

    private readonly GraphIndex _graph;
    private readonly bool[] _monitored;
    private readonly SyntheticRandom _random;
    private readonly DateTimeOffset _startedAt;
    private readonly ImpactAnalyzer _impact = new(new ImpactOptions { DefaultMaxDepth = 50 });
    private readonly int[] _live;
    private readonly int[] _watched;

    /// <param name="graph">The estate (read at its latest commit).</param>
    /// <param name="monitored">Flags by class index: which classes monitoring reports on.</param>
    /// <param name="startedAt">The start every incident gets (after the estate's commit).</param>
    /// <param name="seed">Same seed, same graph: same scenarios.</param>
    public DiagnosisScenarioGenerator(GraphIndex graph, bool[] monitored, DateTimeOffset startedAt, int seed)
    {
        _graph = graph;
        _monitored = monitored;
        _startedAt = startedAt;
        _random = new SyntheticRandom(unchecked((ulong)seed * 0xD1B54A32D192ED03UL + 11));
        var seq = graph.Commits.Latest;
        var live = new List<int>();
        var watched = new List<int>();
        for (var n = 0; n < graph.NodeCount; n++)
        {
            if (graph.StateAt(n, seq) is not { IsRetired: false } s) continue;
            live.Add(n);
            if (monitored[s.ClassIndex]) watched.Add(n);
        }

        _live = [.. live];
        _watched = [.. watched];
    }

    public DiagnosisScenario Next(DiagnosisSetting setting)
    {
        var faults = setting switch
        {
            DiagnosisSetting.SingleFault => [Pick(Single)],
            DiagnosisSetting.DegradeOnly => [Pick(DegradeOnly)],
            _ => PickTwo(),
        };
        var observable = faults.Select(f => Observable([f])).ToArray();
        var symptoms = Report(observable);
        var (evidence, changed) = Changes(faults, symptoms);
        return new DiagnosisScenario(setting, [.. faults.Select(_graph.CiId)], symptoms, _startedAt, evidence, changed);
    }

    /// <summary>Monitored CIs the faults take down or degrade (jointly).</summary>
    private HashSet<int> Observable(string[] causes, out int downBesidesCauses, out int degraded)
    {
        var result = _impact.Impact(_graph, causes);
        var items = result.Items(0, result.TotalCount);
        var found = new HashSet<int>();
        downBesidesCauses = 0;
        degraded = 0;
        foreach (var item in items)
        {
            if (item.State == ImpactState.Down && !item.IsCause) downBesidesCauses++;
            if (item.State == ImpactState.Degraded) degraded++;
            if (item.State < ImpactState.Degraded) continue;
            _graph.TryGetNode(item.CiId, out var node);
            if (_monitored[_graph.StateAt(node, _graph.Commits.Latest)!.ClassIndex]) found.Add(node);
        }

        return found;
    }

    private HashSet<int> Observable(int[] causes) => Observable([.. causes.Select(_graph.CiId)], out _, out _);

    private bool Single(int node)
    {
        var seen = Observable([_graph.CiId(node)], out var down, out _);
        return down >= 1 && seen.Count >= 2 && seen.Count <= MaxObservable;
    }

    private bool DegradeOnly(int node)
    {
        var seen = Observable([_graph.CiId(node)], out var down, out var degraded);
        return down == 0 && degraded > 0 && seen.Count > 0;
    }

    private int Pick(Func<int, bool> accept)
    {
        for (var attempt = 0; attempt < 20_000; attempt++)
        {
            var node = _live[_random.Next(_live.Length)];
            if (accept(node)) return node;
        }

        throw new InvalidOperationException("The estate has no CI whose fault fits this setting.");
    }

    private int[] PickTwo()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var a = Pick(Single);
            var b = Pick(Single);
            if (a == b) continue;
            var oa = Observable([a]);
            var ob = Observable([b]);
            if (!oa.Overlaps(ob) && !oa.Contains(b) && !ob.Contains(a)) return [a, b];
        }

        throw new InvalidOperationException("The estate has no two independent faults.");
    }
}
