using Cmdb.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.Hosting;

/// <summary>Discovery in the web service: the engine the API uses, and the Quartz scheduler that runs sources on their schedules.</summary>
internal static class CmdbDiscoveryRegistration
{
    /// <remarks>
    /// Web host only: the <c>import</c> and <c>schema</c> commands never start the scheduler. Call it after the store's
    /// start-up service is registered: hosted services start in registration order, and Quartz keeps its tables in the
    /// store's database file, which the store creates (in WAL mode) when it opens. Settings: <c>Cmdb:Discovery</c>
    /// (sources, staleness, holds) and <c>Cmdb:Discovery:SchedulerEnabled</c> (false: manual runs only).
    /// </remarks>
    public static WebApplicationBuilder AddCmdbDiscovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddDiscoveryEngine();
        builder.Services.AddDiscoveryScheduling(sp => sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.DatabasePath);
        return builder;
    }
}
