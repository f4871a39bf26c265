using Cmdb.Discovery.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the discovery scheduler (Quartz, persistent job store in the store's SQLite file).</summary>
public static class DiscoverySchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDiscoveryScheduler"/> and the hosted service that starts Quartz. Needs an
    /// <c>IDiscoveryService</c>. Options bind to <see cref="DiscoverySchedulerOptions.SectionName"/> when an
    /// <c>IConfiguration</c> is registered. With <c>SchedulerEnabled</c> false the scheduler is
    /// <see cref="ManualDiscoveryScheduler"/> and Quartz is never started.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="databasePath">The store's database file, which also holds the <c>QRTZ_</c> tables; the store must create it first.</param>
    /// <remarks>Register it after the hosted service that opens the store: hosted services start in registration order.</remarks>
    public static IServiceCollection AddDiscoveryScheduling(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        var options = services.AddOptions<DiscoverySchedulerOptions>();
        if (services.Any(d => d.ServiceType == typeof(IConfiguration)))
            options.BindConfiguration(DiscoverySchedulerOptions.SectionName);
        options.Validate(o => o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay,
            "Cmdb:Discovery:RetryDelay must be positive and Cmdb:Discovery:MaxRetryDelay at least as long.");
        options.ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunCompletions>();
        services.TryAddSingleton<IDiscoveryScheduler>(sp => sp.GetRequiredService<IOptions<DiscoverySchedulerOptions>>().Value.SchedulerEnabled
            ? ActivatorUtilities.CreateInstance<QuartzDiscoveryScheduler>(sp)
            : ActivatorUtilities.CreateInstance<ManualDiscoveryScheduler>(sp));
        services.AddQuartz(q =>
        {
            // The name keys every QRTZ_ row: changing it would orphan the stored schedules.
            q.ConfigureScheduler(o => o.InstanceName = "CmdbDiscovery");
            q.AddJobType<DiscoveryJob>();
            q.UsePersistentStore(s =>
            {
                // UseSqlite picks Quartz's SQLite delegate and lock handler; the connection string is only known once
                // the container can read the store's options, hence the factory.
                s.UseSqlite(d => d.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(QuartzConnectionString(databasePath(sp))));
                s.ProvisionSchema();
                s.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            });
        });
        services.AddHostedService<DiscoverySchedulerService>();
        return services;
    }

    /// <summary>
    /// Quartz's connections to the store's file. ReadWrite, not ReadWriteCreate: the store creates the file (in WAL
    /// mode, which then applies to these connections too). The generous busy timeout lets a Quartz transaction wait
    /// out a long store batch instead of failing; Quartz's own transactions are short, so the store's writer
    /// (busy timeout <c>Cmdb:Storage:Sqlite:BusyTimeoutMilliseconds</c>) never waits long for them.
    /// </summary>
    internal static string QuartzConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();
}
