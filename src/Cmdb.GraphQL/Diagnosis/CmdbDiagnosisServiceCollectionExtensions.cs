using Cmdb.Domain.Changes;
using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Diagnosis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers incident diagnosis: the engine (options from <see cref="SectionName"/>), the store-backed evidence and the operations.</summary>
public static class CmdbDiagnosisServiceCollectionExtensions
{
    public const string SectionName = "Cmdb:Diagnosis";

    /// <summary>
    /// Needs an <c>ICmdbStore</c>; uses the change, event and incident stores when registered (evidence they hold is
    /// simply absent otherwise). Calling it again is harmless.
    /// </summary>
    public static IServiceCollection AddCmdbDiagnosis(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DiagnosisEngine))) return services;
        var options = services.AddOptions<DiagnosisOptions>();
        if (services.Any(d => d.ServiceType == typeof(IConfiguration)))
            options.BindConfiguration(SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DiagnosisEngine(sp.GetRequiredService<IOptions<DiagnosisOptions>>().Value));
        services.TryAddSingleton<IDiagnosisEvidenceSource>(sp => new StoreDiagnosisEvidence(
            sp.GetRequiredService<ICmdbStore>(), sp.GetService<IChangeStore>(), sp.GetService<IEventStore>(), sp.GetService<IIncidentStore>()));
        services.TryAddSingleton(sp => new DiagnosisOperations(
            sp.GetRequiredService<ICmdbStore>(), sp.GetRequiredService<DiagnosisEngine>(), sp.GetRequiredService<IDiagnosisEvidenceSource>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<IIncidentStore>(), sp.GetService<IChangeStore>()));
        return services;
    }
}
