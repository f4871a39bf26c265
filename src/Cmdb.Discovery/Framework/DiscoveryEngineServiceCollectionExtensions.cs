using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Discovery;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the discovery engine (<see cref="IDiscoveryService"/>).</summary>
public static class DiscoveryEngineServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DiscoveryOptions"/> to <c>Cmdb:Discovery</c> (validated at start-up), registers the built-in
    /// source factory and the engine as a singleton. Needs <see cref="ICmdbStore"/>, <see cref="IDiscoveryStateStore"/>
    /// (AddSqliteStorage registers both) and a <see cref="ModelCatalog"/>.
    /// </summary>
    public static IServiceCollection AddDiscoveryEngine(this IServiceCollection services)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration(DiscoveryOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<IDiscoverySourceFactory, DiscoverySourceFactory>();
        // A type, not a factory: TryAddEnumerable refuses factory descriptors (their implementation type is unknown).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscoveryOptions>, DiscoveryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDiscoveryService>(sp => new DiscoveryService(
            sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<IDiscoveryStateStore>(), sp.GetRequiredService<IDiscoverySourceFactory>(),
            sp.GetRequiredService<IOptions<DiscoveryOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
