using System.Diagnostics;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>Generates the estate a command works on and prints what it is.</summary>
internal static class Estates
{
    public static SyntheticEstate Generate(BenchmarkOptions o)
    {
        var watch = Stopwatch.StartNew();
        var estate = SyntheticEstate.Generate(o.Cis, o.Seed);
        Report.Line($"estate: asked {o.Cis:N0} CIs, seed {o.Seed}: {estate.CiCount:N0} CIs, {estate.RelationshipCount:N0} relationships " +
            $"({(double)estate.RelationshipCount / estate.CiCount:F2} per CI), generated in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        foreach (var r in estate.References.All)
        {
            Report.Line($"  reference {r.Role,-21} {estate.Name(r.Index),-16} {estate.Class(r.Index),-12} reach {r.ReachSize,9:N0} CIs");
        }

        return estate;
    }
}
