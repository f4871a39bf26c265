using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Tests.Contract;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The store contract, run against a real SQLite file.</summary>
public sealed class SqliteCmdbStoreTests : CmdbStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override async Task<ICmdbStore> CreateStoreAsync(ModelCatalog model, TimeProvider time)
    {
        var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _database.Path }, model, time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override async Task<ICmdbStore> ReopenStoreAsync(ICmdbStore store, ModelCatalog model, TimeProvider time)
    {
        await ((SqliteCmdbStore)store).DisposeAsync();
        return await CreateStoreAsync(model, time);
    }

    public override async Task DisposeAsync()
    {
        if (Store is SqliteCmdbStore store) await store.DisposeAsync();
    }

    public void Dispose() => _database.Dispose();
}
