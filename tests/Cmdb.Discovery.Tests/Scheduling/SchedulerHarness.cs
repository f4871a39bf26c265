using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Discovery.Scheduling;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>
/// One "process" of the service as far as scheduling goes: the real SQLite store opened on a file (lock file, WAL),
/// then the scheduler's hosted service over the same file, with a fake engine. Dispose = a graceful stop; a second
/// harness on the same file is a restart.
/// </summary>
public sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IHostedService[] _hosted;

    private SchedulerHarness(ServiceProvider provider, SqliteCmdbStore store, IHostedService[] hosted)
    {
        _provider = provider;
        Store = store;
        _hosted = hosted;
    }

    public SqliteCmdbStore Store { get; }

    public IDiscoveryScheduler Scheduler => _provider.GetRequiredService<IDiscoveryScheduler>();

    public async Task<IScheduler> QuartzAsync() => await _provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public static async Task<SchedulerHarness> StartAsync(string databasePath, FakeDiscoveryService discovery, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDiscoveryService>(discovery);
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.SectionName);
        services.AddDiscoveryScheduling(_ => databasePath);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = databasePath }, TestModels.Seed, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var hosted = provider.GetServices<IHostedService>().ToArray();
        foreach (var service in hosted) await service.StartAsync(CancellationToken.None);
        return new SchedulerHarness(provider, store, hosted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted.Reverse()) await service.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        await Store.DisposeAsync();
    }
}
