using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Benchmarks;

/// <summary>
/// Where one impact call's time goes, by cumulative prefixes of what <see cref="ImpactAnalyzer.Impact"/> does (each
/// measured as thread CPU per call; a phase is the difference between two prefixes): setup (rules, scratch), the walk
/// over the propagation rows with the down pass, the rest of settling, the summary's counts, copying the result out,
/// and naming the summary.
/// </summary>
internal static class TraversalPhases
{
    public static string Measure(GraphIndex graph, int node, int maxDepth, double seconds)
    {
        var seq = graph.Commits.Latest;
        long Run(int upTo)
        {
            var rules = TraversalRules.Downstream(graph.Model, null, seq, maxDepth, includeRetired: false);
            var s = TraversalScratch.Rent(graph.NodeCount);
            try
            {
                if (upTo == 0) return s.Count;
                var causes = ImpactEngine.ReachDownstream(graph, rules, [node], s);
                if (upTo == 1) return s.Count;
                ImpactEngine.Settle(graph, rules, s, causes);
                if (upTo == 2) return s.Count;
                var counts = ImpactCounts.FromWalk(graph, seq, s, null);
                if (upTo == 3) return counts.Total;
                var reached = ReachedSet.Pooled(graph, seq, s, causes); // as Impact makes it, released as a disposed result is
                reached.Release();
                return reached.Count;
            }
            finally
            {
                TraversalScratch.Return(s);
            }
        }

        var names = new[] { "setup", "walk + down pass", "degraded/at-risk passes", "summary counts", "result copy-out" };
        var cumulative = new double[names.Length];
        for (var p = 0; p < names.Length; p++)
        {
            var upTo = p;
            cumulative[p] = ThreadCpu.Measure(() => Run(upTo), seconds).Median;
        }

        var parts = new List<string>();
        for (var p = 0; p < names.Length; p++)
        {
            // Each phase is the difference of two medians measured apart, so a phase smaller than the noise can come out
            // negative: say so rather than print a negative time.
            var part = cumulative[p] - (p == 0 ? 0 : cumulative[p - 1]);
            parts.Add($"{names[p]} {(part >= 0 ? Report.Duration(part) : "below the noise")}");
        }

        return string.Join(", ", parts);
    }
}
