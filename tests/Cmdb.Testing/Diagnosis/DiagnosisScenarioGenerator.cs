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
/// of the symptoms, and on two random CIs, never on a faulty CI — in all of them.
/// </summary>
/// <remarks>
/// Which CIs fail: by default (<c>spreadingFaultsOnly</c>) only CIs whose fault takes down at least one other CI and
/// shows on 2–300 monitored CIs — stricter than the "a fault at a random CI", and a prior the engine does not
/// (and should not) know: a CI whose failure shows on itself alone never fails here, so when it is the best
/// explanation of what was seen (a parent's own report dropped) it is always wrong. Without the flag any CI whose
/// fault shows on 1–300 monitored CIs can fail, as the issue states it.
/// </remarks>
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
    private readonly bool _spreadingOnly;

    /// <param name="graph">The estate (read at its latest commit).</param>
    /// <param name="monitored">Flags by class index: which classes monitoring reports on.</param>
    /// <param name="startedAt">The start every incident gets (after the estate's commit).</param>
    /// <param name="seed">Same seed, same graph: same scenarios.</param>
    /// <param name="spreadingFaultsOnly">Fail only CIs whose fault takes down another CI and shows on at least two monitored CIs.</param>
    public DiagnosisScenarioGenerator(GraphIndex graph, bool[] monitored, DateTimeOffset startedAt, int seed, bool spreadingFaultsOnly = true)
    {
        _graph = graph;
        _spreadingOnly = spreadingFaultsOnly;
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

    /// <summary>Whether the setting ever fails this CI (to count the misses to a CI that never fails here).</summary>
    public bool CanFail(string ciId, DiagnosisSetting setting) =>
        _graph.TryGetNode(ciId, out var node) && (setting == DiagnosisSetting.DegradeOnly ? DegradeOnly(node) : Single(node));

    private bool Single(int node)
    {
        var seen = Observable([_graph.CiId(node)], out var down, out _);
        return seen.Count <= MaxObservable && (_spreadingOnly ? down >= 1 && seen.Count >= 2 : seen.Count >= 1);
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
