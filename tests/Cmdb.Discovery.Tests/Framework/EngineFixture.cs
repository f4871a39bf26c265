using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Discovery;
using Microsoft.Extensions.Time.Testing;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>A real SQLite store and discovery state in a temp file, fake time, and sources the test scripts.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"cmdb-engine-{Guid.NewGuid():N}.db");
    private readonly List<DiscoveryService> _services = [];

    public EngineFixture()
    {
        Store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _database }, ModelConformance.Model, Time);
        State = new SqliteDiscoveryStateStore(new SqliteStorageOptions { DatabasePath = _database }, Store);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public SqliteCmdbStore Store { get; }

    public SqliteDiscoveryStateStore State { get; }

    public FakeSourceFactory Sources { get; } = new();

    public DiscoveryOptions Options { get; } = new();

    public static DiscoveredItem Server(string name, string? serial = null, string? fqdn = null, string? os = null, string? owner = null)
    {
        var ids = new Dictionary<string, string>();
        if (serial is not null) ids["serial"] = serial;
        if (fqdn is not null) ids["fqdn"] = fqdn;
        return new DiscoveredItem(WellKnown.Classes.LinuxServer, name, ids, os is null ? null : new() { ["os"] = os }) { Owner = owner };
    }

    public static ScopeResult Scope(string scope, params DiscoveredItem[] items) => ScopeResult.Completed(scope, items, []);

    /// <summary>Configures a scripted source: each run returns what <paramref name="next"/> gives.</summary>
    public void Source(string name, Func<CancellationToken, Task<DiscoveryBatch>> next, TimeSpan? timeout = null)
    {
        Options.Sources[name] = new DiscoverySourceOptions { Kind = "fake", Interval = TimeSpan.FromMinutes(15), Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        Sources.Scripts[name] = next;
    }

    public void Source(string name, Func<DiscoveryBatch> next) => Source(name, _ => Task.FromResult(next()));

    public async Task<DiscoveryService> EngineAsync()
    {
        await Store.InitializeAsync(CancellationToken.None);
        var service = new DiscoveryService(Store, State, Sources, Options, Time);
        _services.Add(service);
        return service;
    }

    public async Task<DiscoveryRun> RunAsync(DiscoveryService engine, string source)
    {
        Time.Advance(TimeSpan.FromMinutes(15));
        return await engine.RunAsync(source, DiscoveryTrigger.Manual, CancellationToken.None);
    }

    public async Task<ConfigurationItem> CiAsync(string scheme, string value) =>
        await Store.FindByIdentifierAsync(scheme, value, null, CancellationToken.None) ?? throw new InvalidOperationException($"no CI {scheme}={value}");

    public async Task<int> HistoryCountAsync(string ciId) => (await Store.GetHistoryAsync(ciId, 1000, null, CancellationToken.None)).TotalCount;

    public async Task<int> CiCountAsync() =>
        (await Store.QueryCisAsync(new Domain.Storage.CiFilter(), 1, null, null, CancellationToken.None)).TotalCount;

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _services) s.Dispose();
        State.Dispose();
        await Store.DisposeAsync();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*")) File.Delete(file);
    }
}
