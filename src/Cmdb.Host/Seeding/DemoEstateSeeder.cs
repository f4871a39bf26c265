using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.Seeding;

/// <summary>Loads the demo estate into a store that holds no CI, so a first start shows something to explore.</summary>
internal sealed class DemoEstateSeeder(ICmdbStore store, IOptions<SeedOptions> options, ILogger<DemoEstateSeeder> logger)
{
    /// <summary>The actor the demo estate is written under, visible in audit history.</summary>
    public static readonly Actor SeedActor = new(ActorKind.System, "seed");

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        if (!seed.LoadDemoEstate) return;

        // Any CI at all (even one the user added) means this is not a first start: never seed twice.
        var existing = await store.QueryCisAsync(CiFilter.None, 1, null, null, cancellationToken);
        if (existing.TotalCount > 0)
        {
            Log.SeedSkipped(logger, existing.TotalCount);
            return;
        }

        var path = seed.ResolvedDemoEstatePath;
        var summary = await BulkImport.ApplyAsync(store, BulkImport.ReadFile(path), SeedActor, cancellationToken);
        Log.DemoEstateSeeded(logger, path, summary.CisCreated, summary.RelationshipsCreated);
    }
}
