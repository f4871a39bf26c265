using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.BulkFolder;
using Cmdb.Discovery.Sources.Compose;
using Cmdb.Discovery.Sources.Kubernetes;
using Cmdb.Discovery.Sources.LocalHost;
using Cmdb.Discovery.Sources.Terraform;
using Cmdb.Discovery.Tests.Sources.LocalHost;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Discovery.Tests.Contract;

/// <summary>
/// Every source's recorded output, mapped by <see cref="DiscoveryBatch.ToWriteBatch"/>, loads into a real SQLite store
/// with the shipped model, and loading it again changes nothing: identification matches every item to the CI it
/// created the first time, so discovery never duplicates.
/// </summary>
public sealed class DiscoveryBatchLoadTests : IDisposable
{
    private static readonly Actor Discovery = new(ActorKind.Discovery, "test", "run-1");
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"cmdb-discovery-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*")) File.Delete(file);
    }

    public static TheoryData<string> Sources => ["terraform", "kubernetes", "compose", "bulk-json", "bulk-csv", "localhost"];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task ApplyAsync_SourceOutputTwice_CreatesOnceThenChangesNothing(string source)
    {
        var batch = DiscoveryBatch.Of(Produce(source)).ToWriteBatch();
        await using var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _database }, ModelConformance.Model, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);

        var first = await store.ApplyAsync(batch, Discovery, CancellationToken.None);
        var second = await store.ApplyAsync(batch, Discovery with { RunId = "run-2" }, CancellationToken.None);

        Assert.Equal(batch.Operations.Count, first.Count(WriteOutcome.Created));
        Assert.Equal(batch.Operations.Count, second.Count(WriteOutcome.Unchanged));
        Assert.Equal(first.Results.Select(r => r.EntityId), second.Results.Select(r => r.EntityId));
    }

    private static ScopeResult Produce(string source)
    {
        switch (source)
        {
            case "terraform":
                return TerraformTransform.Transform(new TerraformRaw("prod", "prod.tfstate", "prod", TestData.Read("Terraform", "prod.tfstate")), new TerraformOptions());
            case "kubernetes":
                return KubernetesTransform.Transform(new KubernetesRaw("prod-eu-1", "cluster.json", TestData.Read("Kubernetes", "cluster.json")));
            case "compose":
                var compose = TestData.PathOf("Compose", "shop", "docker-compose.yml");
                return ComposeTransform.Transform(new ComposeRaw(compose, null, File.ReadAllText(compose)));
            case "bulk-json":
                return BulkFolderTransform.Transform(new BulkFile("payments.json", "payments.json", TestData.Read("BulkFolder", "estate", "payments.json")));
            case "bulk-csv":
                return BulkFolderTransform.Transform(new BulkFile("servers.csv", "servers.csv", TestData.Read("BulkFolder", "estate", "servers.csv")));
            default:
                using (var root = new FixtureRoot())
                    return LocalHostTransform.Transform(LocalHostSource.Get(root.Path, "host:web-01", CancellationToken.None), new LocalHostOptions());
        }
    }
}
