using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>bdn</c>: <see cref="TraversalBenchmarks"/> under BenchmarkDotNet, in process (no generated project to build,
/// which also keeps the isolated artifacts path intact) with a short job: 3 warm-ups, 10 iterations.
/// </summary>
internal static class BdnCommand
{
    public static void Run(BenchmarkOptions o, string[] args)
    {
        TraversalBenchmarks.Cis = o.Cis;
        TraversalBenchmarks.Seed = o.Seed;
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath("/tmp/cmdb-bench/bdn").AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        var passThrough = args.Where(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "*").ToArray();
        BenchmarkRunner.Run<TraversalBenchmarks>(config, passThrough);
    }
}
