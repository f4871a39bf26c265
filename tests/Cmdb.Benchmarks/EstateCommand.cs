namespace Cmdb.Benchmarks;

/// <summary><c>estate</c>: the shape of the generated estate, class by class.</summary>
internal static class EstateCommand
{
    public static void Run(BenchmarkOptions o)
    {
        var estate = Estates.Generate(o);
        Report.Line("classes: " + string.Join(", ", estate.CountByClass().Select(kv => $"{kv.Key} {kv.Value:N0}")));
        Report.Line("relationships: " + string.Join(", ", estate.CountByRelationshipType().Select(kv => $"{kv.Key} {kv.Value:N0}")));
    }
}
