using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cmdb.Storage.Sqlite.Incidents;

/// <summary>Registers the incident and event stores over the shared SQLite file (called by AddSqliteStorage).</summary>
internal static class SqliteIncidentRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<EventOptions>().BindConfiguration(EventOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventOptions>, EventOptionsValidator>());
        services.TryAddSingleton<IIncidentStore>(sp => new SqliteIncidentStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Cmdb.Domain.Problems.IProblemStore>(sp => new Cmdb.Storage.Sqlite.Problems.SqliteProblemStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEventStore>(sp => new SqliteEventStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<IOptions<EventOptions>>().Value,
            sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<TimeProvider>()));
    }
}
