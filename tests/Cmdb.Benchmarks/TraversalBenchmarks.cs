using BenchmarkDotNet.Attributes;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>The traversal closures under BenchmarkDotNet; the estate size comes from <see cref="Cis"/> (set by <c>bdn --cis</c>).</summary>
[MemoryDiagnoser]
public class TraversalBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private GraphIndex _graph = null!;
    private BfsBaseline _bfs = null!;
    private ImpactAnalyzer _analyzer = null!;
    private ImpactScope _scope = null!;
    private int _node;
    private string _id = "";

    /// <summary>Estate size for every case; BenchmarkDotNet cannot pass it, so the bdn command sets it before running.</summary>
    public static int Cis { get; set; } = 10_000;

    public static int Seed { get; set; } = 42;

    [Params("core switch", "shared database", "hypervisor", "mid-tier application")]
    public string Reference { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var estate = SharedEstate.Get(Cis, Seed);
        _graph = SharedEstate.Graph(Cis, Seed, TestModels.Seed, At);
        _bfs = new BfsBaseline(_graph);
        _analyzer = new ImpactAnalyzer();
        _scope = new ImpactScope { MaxDepth = _analyzer.Options.MaxDepthCap };
        _node = estate.References.All.Single(r => r.Role == Reference).Index;
        _id = estate.Id(_node);
    }

    [Benchmark(Baseline = true)]
    public int Bfs() => _bfs.Closure(_node, _graph.Commits.Latest);

    [Benchmark]
    public int Impact() => _analyzer.Impact(_graph, [_id], _scope).Seq;

    /// <summary>Keeps one estate and index per process across cases (in-process toolchain).</summary>
    private static class SharedEstate
    {
        private static SyntheticEstate? _estate;
        private static GraphIndex? _graph;

        public static SyntheticEstate Get(int cis, int seed) => _estate ??= SyntheticEstate.Generate(cis, seed);

        public static GraphIndex Graph(int cis, int seed, Cmdb.Domain.Model.ModelCatalog model, DateTimeOffset at) =>
            _graph ??= Get(cis, seed).LoadGraph(model, at);
    }
}
