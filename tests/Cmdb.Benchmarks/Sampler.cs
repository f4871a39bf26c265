using System.Diagnostics;

namespace Cmdb.Benchmarks;

/// <summary>Timing statistics of one measured operation, in seconds per operation.</summary>
internal sealed record Timing(int Samples, int OpsPerSample, double Median, double P95, double Min, double Max)
{
    public override string ToString() =>
        $"median {Report.Duration(Median)}, p95 {Report.Duration(P95)}, min {Report.Duration(Min)} ({Samples} samples x {OpsPerSample} ops)";
}

/// <summary>
/// A careful Stopwatch loop: warm up (JIT tiering reaches its optimised code), then time samples of a batch of calls
/// sized to last at least ~200 µs each (so the timer's cost and resolution do not matter), and report the median.
/// </summary>
internal static class Sampler
{
    public static Timing Measure(Func<long> operation, double budgetSeconds, int maxSamples = 301, int minSamples = 5)
    {
        long sink = 0;
        // Warm-up: run for ~15% of the budget (at least 3 calls) so tier-1 code is in place before timing.
        var warm = Stopwatch.StartNew();
        var warmCalls = 0;
        while (warmCalls < 3 || warm.Elapsed.TotalSeconds < budgetSeconds * 0.15)
        {
            sink += operation();
            warmCalls++;
            if (warmCalls > 100_000) break;
        }

        var perCall = warm.Elapsed.TotalSeconds / warmCalls;
        var batch = (int)Math.Clamp(200e-6 / Math.Max(perCall, 1e-9), 1, 100_000);
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < minSamples || (samples.Count < maxSamples && total.Elapsed.TotalSeconds < budgetSeconds))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++) sink += operation();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / batch);
        }

        GC.KeepAlive(sink);
        return Summarise(samples, batch);
    }

    public static Timing Summarise(List<double> samples, int opsPerSample)
    {
        samples.Sort();
        return new Timing(samples.Count, opsPerSample, Percentile(samples, 0.5), Percentile(samples, 0.95), samples[0], samples[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
