using System.Diagnostics;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>import</c>: the estate as import documents (CIs first, then relationships, at most <c>--chunk</c> entries each),
/// each read by <see cref="ImportDocumentReader"/> and applied by <see cref="SqliteCmdbStore.ApplyAsync"/> as one
/// atomic batch; then the store's start-up (InitializeAsync builds the index from the file), then the same documents
/// again, unchanged.
/// </summary>
internal static class ImportCommand
{
    private static readonly Actor Importer = new(ActorKind.System, "benchmark");

    private sealed record Document(string Path, int Cis, int Relationships);

    // For A/B runs of the write pipeline in one binary: CMDB_BENCH_PIPELINE=N sets the batch size from which
    // statements run on the second thread (a huge N turns it off).
    private static void Configure(SqliteCmdbStore store)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("CMDB_BENCH_PIPELINE"), out var from)) store.PipelineOperations = from;
        // CMDB_BENCH_DIGEST_AHEAD=N: the upsert count from which a batch digests ahead on a second thread (huge: off).
        if (int.TryParse(Environment.GetEnvironmentVariable("CMDB_BENCH_DIGEST_AHEAD"), out var ahead)) store.DigestAheadUpserts = ahead;
        // CMDB_BENCH_PAGE_SIZE=N: the page size of the new file (A/B runs against SQLite's 4096).
        if (int.TryParse(Environment.GetEnvironmentVariable("CMDB_BENCH_PAGE_SIZE"), out var pageSize)) store.NewFilePageSize = pageSize;
    }

    public static async Task RunAsync(BenchmarkOptions o)
    {
        SyntheticEstate? estate = Estates.Generate(o);
        var documents = WriteDocuments(estate, o);
        // CMDB_BENCH_CIS_ONLY=1: only the first import of the CI documents (A/B runs of the CI write path).
        var cisOnly = Environment.GetEnvironmentVariable("CMDB_BENCH_CIS_ONLY") == "1";
        if (cisOnly) documents.RemoveAll(d => d.Cis == 0);
        var dbPath = TraversalCommand.DatabasePath(o, "import");
        foreach (var f in new[] { "", "-wal", "-shm", "-search", "-search-wal", "-search-shm" }) File.Delete(dbPath + f);
        var options = new SqliteStorageOptions { DatabasePath = dbPath };
        var created = new List<string>();
        estate = null;
        ProcessMemory.ManagedAfterFullCollection();

        await using (var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System))
        {
            Configure(store); // before start-up: the page size of the new file
            await store.InitializeAsync(CancellationToken.None);
            await ApplyAllAsync(store, documents, "first import", WriteOutcome.Created, created);
        }

        if (cisOnly)
        {
            // CMDB_BENCH_UPDATES=N: then N updates by id, as discovery's first run makes (see ImportUpdates).
            if (int.TryParse(Environment.GetEnvironmentVariable("CMDB_BENCH_UPDATES"), out var updates) && updates > 0)
                await ImportUpdates.RunAsync(options, created, updates);
            return;
        }

        Report.Line($"database file: {Report.Mb(new FileInfo(dbPath).Length)} (+ wal {Report.Mb(File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length : 0)}); " +
            $"search file {Report.Mb(File.Exists(dbPath + "-search") ? new FileInfo(dbPath + "-search").Length : 0)}");
        var startups = new List<double>();
        for (var run = 0; run < o.StartupRuns; run++)
        {
            ProcessMemory.ManagedAfterFullCollection();
            await using var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System);
            var watch = Stopwatch.StartNew();
            await store.InitializeAsync(CancellationToken.None);
            startups.Add(watch.Elapsed.TotalSeconds);
            var graph = await store.GetGraphAsync([], CancellationToken.None);
            var managed = ProcessMemory.ManagedAfterFullCollection();
            var (rss, peak) = ProcessMemory.Resident();
            Report.Line($"start-up run {run + 1}: InitializeAsync {Report.Duration(startups[^1])}, index {graph.NodeCount:N0} nodes / {graph.EdgeCount:N0} edges; " +
                $"managed {Report.Mb(managed)}, RSS {Report.Mb(rss)}, peak RSS {Report.Mb(peak)}");
            Report.Line("  phases: " + string.Join(", ", store.StartupPhases.Select(p => $"{p.Phase} {Report.Duration(p.Seconds)}")));
        }

        Report.Line($"start-up (InitializeAsync from the file): {Sampler.Summarise(startups, 1)}");
        await using (var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System))
        {
            await store.InitializeAsync(CancellationToken.None);
            Configure(store);
            await ApplyAllAsync(store, documents, "re-import unchanged", WriteOutcome.Unchanged);
            Report.Line($"re-import: {store.UnchangedInMemory:N0} CI upserts decided from the in-memory fingerprints");
        }
    }

    private static List<Document> WriteDocuments(SyntheticEstate estate, BenchmarkOptions o)
    {
        // Beside the database when one is named, so two runs at once (different --db) never write the same documents.
        var root = o.Database is { } db ? Path.GetDirectoryName(Path.GetFullPath(db))! : "/tmp/cmdb-bench";
        var dir = Path.Combine(root, $"import-{o.Cis}-{o.Seed}");
        Directory.CreateDirectory(dir);
        var documents = new List<Document>();
        for (var start = 0; start < estate.CiCount; start += o.Chunk)
        {
            var count = Math.Min(o.Chunk, estate.CiCount - start);
            documents.Add(Write(estate, $"{dir}/cis-{start:D8}.json", new Document("", count, 0), start, 0));
        }

        for (var start = 0; start < estate.RelationshipCount; start += o.Chunk)
        {
            var count = Math.Min(o.Chunk, estate.RelationshipCount - start);
            documents.Add(Write(estate, $"{dir}/rels-{start:D8}.json", new Document("", 0, count), estate.CiCount, start));
        }

        Report.Line($"import documents: {documents.Count} files in {dir}, {Report.Mb(documents.Sum(d => new FileInfo(d.Path).Length))}");
        return documents;
    }

    private static Document Write(SyntheticEstate estate, string path, Document shape, int ciStart, int relStart)
    {
        using (var file = File.Create(path)) estate.WriteImportDocument(file, ciStart, shape.Cis, relStart, shape.Relationships);
        return shape with { Path = path };
    }

    private static async Task ApplyAllAsync(SqliteCmdbStore store, List<Document> documents, string label, WriteOutcome expected, List<string>? created = null)
    {
        double readCis = 0, applyCis = 0, readRels = 0, applyRels = 0, cpuCis = 0, cpuRels = 0;
        long cis = 0, rels = 0, matching = 0, total = 0;
        foreach (var document in documents)
        {
            var watch = Stopwatch.StartNew();
            WriteBatch batch;
            await using (var stream = File.OpenRead(document.Path)) batch = ImportDocumentReader.Read(stream);
            var read = watch.Elapsed.TotalSeconds;
            // Diagnosis only: promotes what reading left in the young generations before the apply is timed, to tell
            // the apply's own collections from the cost of the just-read batch surviving its first collections.
            if (Environment.GetEnvironmentVariable("CMDB_BENCH_COLLECT_BEFORE_APPLY") == "1") GC.Collect();
            watch.Restart();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var allocated = GC.GetTotalAllocatedBytes();
            using var sampler = Environment.GetEnvironmentVariable("CMDB_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler { Recording = true } : null;
            var result = await store.ApplyAsync(batch, Importer, CancellationToken.None);
            if (sampler is not null)
            {
                sampler.Recording = false;
                foreach (var (type, bytes) in sampler.Top(25)) Report.Line($"    allocated {bytes / 1e6,8:F1} MB  {type}");
            }

            var apply = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            matching += result.Count(expected);
            if (document.Cis > 0) created?.AddRange(result.Results.Select(r => r.EntityId));
            total += result.Results.Count;
            if (document.Cis > 0) { readCis += read; applyCis += apply; cpuCis += cpu; cis += document.Cis; }
            else { readRels += read; applyRels += apply; cpuRels += cpu; rels += document.Relationships; }
            Report.Line($"  {label}: {Path.GetFileName(document.Path)} read {Report.Duration(read)}, applied {Report.Duration(apply)} " +
                $"({Report.Rate((document.Cis + document.Relationships) / apply)} committed; process CPU {Report.Duration(cpu)}; " +
                $"batch thread {Report.Duration(store.LastBatchCpu.BatchThread)}, statement thread {Report.Duration(store.LastBatchCpu.StatementThread)}, " +
                $"search thread {Report.Duration(store.LastSearchThread.Cpu)} (idle {Report.Duration(store.LastSearchThread.Idle)}, search commit {Report.Duration(store.LastSearchThread.Commit)}))");
            var wall = store.LastBatchWall;
            Report.Line($"    wall: apply {Report.Duration(wall.Apply)} (batch thread waited {Report.Duration(wall.BatchWaited)}, statement thread idle " +
                $"{Report.Duration(wall.StatementIdle)}), commit {Report.Duration(wall.Commit)}, publish {Report.Duration(wall.Publish)} " +
                $"(nodes {Report.Duration(store.LastPublishSplit.Nodes)}, edges {Report.Duration(store.LastPublishSplit.Edges)}, identifiers {Report.Duration(store.LastPublishSplit.Identifiers)}); " +
                $"GCs gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, paused {Report.Duration((GC.GetTotalPauseDuration() - paused).TotalSeconds)}, " +
                $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB; writer page cache at COMMIT {Report.Mb(store.LastBatchCacheBytes)}");
        }

        Report.Line($"{label}: {cis:N0} CIs applied in {Report.Duration(applyCis)} = {Report.Rate(cis / applyCis)} " +
            $"(read+apply {Report.Rate(cis / (applyCis + readCis))}); {rels:N0} relationships applied in {Report.Duration(applyRels)} = " +
            $"{Report.Rate(rels / applyRels)} (read+apply {Report.Rate(rels / (applyRels + readRels))}); per CPU-second of the process while applying: " +
            $"{Report.Rate(cis / cpuCis)} CIs, {Report.Rate(rels / cpuRels)} relationships; all items {Report.Rate((cis + rels) / (applyCis + applyRels))} " +
            $"(read+apply {Report.Rate((cis + rels) / (applyCis + applyRels + readCis + readRels))}); {matching:N0} of {total:N0} results {expected}");
    }
}
