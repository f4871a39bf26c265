namespace Cmdb.Benchmarks;

/// <summary>
/// Entry point: one subcommand per measurement, so each can run (and be re-run) on its own.
/// <c>dotnet run -c Release --project tests/Cmdb.Benchmarks -- traversal --cis 1000000</c>
/// </summary>
public static class BenchmarkProgram
{
    private const string Usage = """
        usage: Cmdb.Benchmarks <command> [options]
          estate     --cis N [--seed S]                      generate an estate; print its shape and reference reaches
          index      --cis N [--runs R]                      graph index build time and memory (--runs 0: memory only)
          traversal  --cis N [--seconds T] [--no-sqlite]     impact closures: plain BFS, ImpactAnalyzer, SQLite recursive CTE
          bdn        --cis N [BenchmarkDotNet args]          the traversal closures under BenchmarkDotNet (in-process)
          import     --cis N [--chunk C] [--startup-runs R]  bulk import through SqliteCmdbStore, start-up, unchanged re-import
          graphql    --url U --cis N [--seconds T] [--max-requests M] [--concurrency 1,4] [--role hypervisor] [--query impact|impact-services]
                                                             ci{neighbours(depth:1)} (or impact: summary + 100 items with paths, + services)
                                                             over HTTP against a running host
          startup    --db PATH [--startup-runs R]             store start-up only, on a file the import command wrote
          write-doc  --cis N --out FILE                      write the estate as one import document (CLI import)
          diagnosis  [--trials T] [--accuracy-cis N] [--services N] [--cis N] [--latency-trials T] [--monitor-groups] [--single-only]
                                                             diagnosis accuracy on injected faults vs the naive ranking; latency
          discovery  --cis N [--payload P]                   discovery reconciliation of P items (default 100000) against N stored CIs
        common: --seed S (default 42), --db PATH (SQLite file; default under /tmp/cmdb-bench)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = BenchmarkOptions.Parse(args.Skip(1).ToArray());
        Report.Machine();
        switch (args[0])
        {
            case "estate": EstateCommand.Run(options); return 0;
            case "index": IndexCommand.Run(options); return 0;
            case "traversal": TraversalCommand.Run(options); return 0;
            case "bdn": BdnCommand.Run(options, args.Skip(1).ToArray()); return 0;
            case "import": await ImportCommand.RunAsync(options); return 0;
            case "graphql": return await GraphQLLoadCommand.RunAsync(options);
            case "startup": await StartupCommand.RunAsync(options); return 0;
            case "write-doc": WriteDocCommand.Run(options); return 0;
            case "diagnosis": DiagnosisCommand.Run(args.Skip(1).ToArray()); return 0;
            case "discovery": await DiscoveryCommand.RunAsync(options, args); return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
