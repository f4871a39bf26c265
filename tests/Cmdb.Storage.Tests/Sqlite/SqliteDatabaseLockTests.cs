using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The embedded store serves one process: a second opener of the same file is refused, not served stale.</summary>
public sealed class SqliteDatabaseLockTests : IDisposable
{
    private static readonly Lazy<ModelCatalog> Model = new(() => ModelLoader.Load(RepoPaths.SeedModel));
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task InitializeAsync_FileOpenInAnotherStore_FailsNamingTheFileAndLeavesTheFirstWorking()
    {
        await using var first = await OpenAsync();
        await using var second = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _database.Path }, Model.Value, _time);

        var error = await Assert.ThrowsAsync<IOException>(() => second.InitializeAsync(CancellationToken.None));

        Assert.Contains("already open in another Cmdb process", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        var result = await first.ApplyAsync(WriteBatch.Of(NewHost("web-01")), Actor.System, CancellationToken.None);
        Assert.Equal(WriteOutcome.Created, result.Results[0].Outcome);
    }

    [Fact]
    public async Task InitializeAsync_AfterTheFirstStoreIsDisposed_OpensAndSeesItsWrites()
    {
        await using (var first = await OpenAsync())
        {
            await first.ApplyAsync(WriteBatch.Of(NewHost("web-01")), Actor.System, CancellationToken.None);
        }

        await using var reopened = await OpenAsync();

        var found = await reopened.FindByIdentifierAsync("fqdn", "web-01.example.test", null, CancellationToken.None);
        Assert.NotNull(found);
    }

    private async Task<SqliteCmdbStore> OpenAsync()
    {
        var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _database.Path }, Model.Value, _time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static UpsertCi NewHost(string name) => new(null, WellKnown.Classes.LinuxServer, new CiFields
    {
        Name = name,
        Identifiers = new Dictionary<string, string> { ["fqdn"] = $"{name}.example.test" },
    });
}
