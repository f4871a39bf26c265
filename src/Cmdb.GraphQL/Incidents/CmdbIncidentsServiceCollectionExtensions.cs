using Cmdb.GraphQL.Incidents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the incident and event fields' per-request loaders (the stores come from the storage backend).</summary>
public static class CmdbIncidentsServiceCollectionExtensions
{
    /// <summary>Needs an <c>IIncidentStore</c> and an <c>IEventStore</c> (AddSqliteStorage registers both).</summary>
    public static IServiceCollection AddCmdbIncidents(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CiEventsLoader))) return services;
        services.AddScoped<CiEventsLoader>();
        services.AddScoped<CiIncidentsLoader>();
        return services;
    }
}
