using Cmdb.Domain.Storage;
using Cmdb.Host.Seeding;

namespace Cmdb.Host.Hosting;

/// <summary>
/// Opens the store and seeds an empty one before the server takes requests (hosted services start before the
/// server). A failure here stops the host: serving from a store that could not open would only hide the cause.
/// </summary>
internal sealed class StoreStartupService(
    ICmdbStore store, DemoEstateSeeder seeder, StoreReadiness readiness, ILogger<StoreStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        Log.StoreInitialized(logger);
        await seeder.SeedIfEmptyAsync(cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
