using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Tests of the side stores (changes, templates, incidents, events, problems) over a file a CMDB store has opened and
/// migrated: the subclass seeds its CIs and builds its stores in <see cref="SeedAsync"/>, and <see cref="Own{T}"/> hands
/// them back to be disposed before the file is deleted.
/// </summary>
public abstract class SideStoreTests : SqliteFileTests, IAsyncLifetime
{
    protected static readonly Actor Alice = new(ActorKind.User, "alice");
    private readonly List<IDisposable> _owned = [];

    protected SqliteCmdbStore Cmdb { get; private set; } = null!;

    /// <summary>Options over the test's file, as the host would bind them.</summary>
    protected SqliteStorageOptions Options => new() { DatabasePath = Database.Path };

    public async Task InitializeAsync()
    {
        Cmdb = await OpenAsync();
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        // xunit runs this before Dispose, so stores and the CMDB let go of the file before the folder is deleted.
        foreach (var owned in _owned) owned.Dispose();
        if (Cmdb is not null) await Cmdb.DisposeAsync();
    }

    protected abstract Task SeedAsync();

    protected T Own<T>(T store)
        where T : IDisposable
    {
        _owned.Add(store);
        return store;
    }

    /// <summary>Upserts <paramref name="cis"/> in one batch as Alice and returns their ids, in order.</summary>
    protected async Task<string[]> UpsertAsync(params UpsertCi[] cis)
    {
        var result = await Cmdb.ApplyAsync(WriteBatch.Of([.. cis]), Alice, CancellationToken.None);
        return [.. result.Results.Select(r => r.EntityId)];
    }
}
