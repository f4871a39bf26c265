namespace Cmdb.Benchmarks;

/// <summary><c>write-doc</c>: writes the estate as one import document, e.g. for <c>Cmdb.Host import FILE</c>.</summary>
internal static class WriteDocCommand
{
    public static void Run(BenchmarkOptions o)
    {
        var path = o.Out ?? throw new ArgumentException("write-doc needs --out FILE");
        var estate = Estates.Generate(o);
        using (var file = File.Create(path)) estate.WriteImportDocument(file);
        Report.Line($"wrote {path} ({Report.Mb(new FileInfo(path).Length)})");
    }
}
