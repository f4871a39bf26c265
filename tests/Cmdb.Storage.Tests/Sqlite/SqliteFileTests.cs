using Cmdb.Domain.Model;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>Tests over one real SQLite file in a fresh folder, with the shipped model and a fake clock.</summary>
public abstract class SqliteFileTests : IDisposable
{
    private static readonly Lazy<ModelCatalog> SeedModel = new(() => ModelLoader.Load(RepoPaths.SeedModel));

    protected static ModelCatalog Model => SeedModel.Value;

    internal TempDatabase Database { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A store over the test's file, not opened yet.</summary>
    protected SqliteCmdbStore NewStore() => new(new SqliteStorageOptions { DatabasePath = Database.Path }, Model, Time);

    protected async Task<SqliteCmdbStore> OpenAsync()
    {
        var store = NewStore();
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Runs <paramref name="sql"/> on the test's file over a connection of its own, beside any store.</summary>
    protected object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
