using System.Globalization;

namespace Cmdb.Benchmarks;

/// <summary>The command-line options every subcommand understands (unknown ones are left for BenchmarkDotNet).</summary>
internal sealed class BenchmarkOptions
{
    public int Cis { get; private set; } = 10_000;
    public int Seed { get; private set; } = 42;
    public int Runs { get; private set; } = 5;
    public double Seconds { get; private set; } = 10;
    public bool Sqlite { get; private set; } = true;
    public int Chunk { get; private set; } = 100_000;
    public int StartupRuns { get; private set; } = 3;
    public string? Database { get; private set; }
    public string Url { get; private set; } = "http://127.0.0.1:5080/graphql";
    public int MaxRequests { get; private set; } = 200_000;
    public int[] Concurrency { get; private set; } = [1, 4];
    public string Role { get; private set; } = "hypervisor";
    public string? Out { get; private set; }

    /// <summary>graphql: which query to load the host with: <c>neighbours</c> (default), <c>impact</c> or <c>impact-services</c>.</summary>
    public string Query { get; private set; } = "neighbours";

    /// <summary>graphql: how many distinct start CIs (drawn with the seed) the requests cycle through; 1 = the reference CI only.</summary>
    public int StartCis { get; private set; } = 1;

    public static BenchmarkOptions Parse(string[] args)
    {
        var o = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--cis": o.Cis = Int(Next()); break;
                case "--seed": o.Seed = Int(Next()); break;
                case "--runs": o.Runs = Int(Next()); break;
                case "--seconds": o.Seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-sqlite": o.Sqlite = false; break;
                case "--chunk": o.Chunk = Int(Next()); break;
                case "--startup-runs": o.StartupRuns = Int(Next()); break;
                case "--db": o.Database = Next(); break;
                case "--url": o.Url = Next(); break;
                case "--max-requests": o.MaxRequests = Int(Next()); break;
                case "--concurrency": o.Concurrency = Next().Split(',').Select(Int).ToArray(); break;
                case "--role": o.Role = Next(); break;
                case "--out": o.Out = Next(); break;
                case "--query": o.Query = Next(); break;
                case "--start-cis": o.StartCis = Int(Next()); break;
                default: break; // BenchmarkDotNet's own switches pass through
            }
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
