using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="ICmdbStore"/> backend must show. A backend's test class derives from this and says
/// how to open (and reopen) a fresh, empty store.
/// </summary>
public abstract partial class CmdbStoreContractTests : IAsyncLifetime
{
    protected static readonly Actor Alice = new(ActorKind.User, "alice");
    protected static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<ModelCatalog> SeedModel = new(() => ModelLoader.Load(RepoPaths.SeedModel));

    protected static ModelCatalog Model => SeedModel.Value;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ICmdbStore Store { get; private set; } = null!;

    /// <summary>Opens a new, empty store over <paramref name="model"/> with the given clock, initialized.</summary>
    protected abstract Task<ICmdbStore> CreateStoreAsync(ModelCatalog model, TimeProvider time);

    /// <summary>Closes <paramref name="store"/> and opens the same data again, initialized.</summary>
    protected abstract Task<ICmdbStore> ReopenStoreAsync(ICmdbStore store, ModelCatalog model, TimeProvider time);

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Model, Time);

    public abstract Task DisposeAsync();

    protected async Task ReopenAsync() => Store = await ReopenStoreAsync(Store, Model, Time);

    protected Task<WriteResult> ApplyAsync(params WriteOperation[] operations) =>
        Store.ApplyAsync(WriteBatch.Of(operations), Alice, CancellationToken.None);

    protected async Task<CmdbException> FailsAsync(ErrorCode code, params WriteOperation[] operations)
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => ApplyAsync(operations));
        Assert.Equal(code, e.Code);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    /// <summary>Moves the clock on, so the next commit is distinguishable in as-of reads.</summary>
    protected DateTimeOffset Tick(int minutes = 1)
    {
        Time.Advance(TimeSpan.FromMinutes(minutes));
        return Time.GetUtcNow();
    }

    protected static UpsertCi Server(string name, string? serial = null, string? fqdn = null, string environment = "production")
    {
        var ids = new Dictionary<string, string>();
        if (serial is not null) ids[WellKnown.Identifiers.Serial] = serial;
        if (fqdn is not null) ids[WellKnown.Identifiers.Fqdn] = fqdn;
        return new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields { Name = name, Environment = environment, Identifiers = ids });
    }

    protected static UpsertCi App(string name, string key, JsonObject? attributes = null, IReadOnlyList<string>? tags = null) =>
        new(null, WellKnown.Classes.Application, new CiFields
        {
            Name = name, Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
            Attributes = attributes, Tags = tags,
        });

    protected static UpsertRelationship Relate(string type, string sourceKey, string targetKey, string sourceScheme = WellKnown.Identifiers.CmdbKey, string targetScheme = WellKnown.Identifiers.CmdbKey) =>
        new(type, CiRef.ByIdentifier(sourceScheme, sourceKey), CiRef.ByIdentifier(targetScheme, targetKey), null);

    protected async Task<int> TotalCisAsync() =>
        (await Store.QueryCisAsync(CiFilter.None, 1, null, null, CancellationToken.None)).TotalCount;

    protected async Task<ConfigurationItem> GetAsync(string id, DateTimeOffset? asOf = null) =>
        (await Store.GetCisAsync([id], asOf, CancellationToken.None))[id];
}
