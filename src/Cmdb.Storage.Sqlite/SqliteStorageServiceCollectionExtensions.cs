using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded SQLite store.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ICmdbStore"/> backed by a SQLite file.</summary>
    /// <remarks>
    /// The store is a singleton (it owns the writer connection and the in-memory graph index); it needs a
    /// <see cref="ModelCatalog"/> registered by the host, and uses <see cref="TimeProvider.System"/> unless another
    /// <see cref="TimeProvider"/> is registered. Options bind to <see cref="SqliteStorageOptions.SectionName"/>;
    /// <paramref name="configure"/> runs after binding, so code wins over configuration. Options are validated at
    /// start-up. The host must call <see cref="ICmdbStore.InitializeAsync"/> once before serving.
    /// </remarks>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions>? configure = null)
    {
        var options = services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICmdbStore>(sp => new SqliteCmdbStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
            sp.GetRequiredService<ModelCatalog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Cmdb.Domain.Changes.IChangeStore>(sp => new Cmdb.Storage.Sqlite.Changes.SqliteChangeStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Cmdb.Domain.Changes.IChangeTemplateStore>(sp => new Cmdb.Storage.Sqlite.Changes.SqliteChangeTemplateStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new Cmdb.Storage.Sqlite.Discovery.SqliteDiscoveryStateStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, sp.GetRequiredService<ICmdbStore>()));
        services.TryAddSingleton<Cmdb.Domain.Discovery.IDiscoveryStateStore>(sp => sp.GetRequiredService<Cmdb.Storage.Sqlite.Discovery.SqliteDiscoveryStateStore>());
        services.TryAddSingleton<Cmdb.Domain.Discovery.ISightingReader>(sp => sp.GetRequiredService<Cmdb.Storage.Sqlite.Discovery.SqliteDiscoveryStateStore>());
        Cmdb.Storage.Sqlite.Incidents.SqliteIncidentRegistration.Add(services);
        return services;
    }
}
