using Cmdb.Domain.Changes;
using Cmdb.Domain.Impact;
using Cmdb.GraphQL.Types.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers change risk assessment (options from <see cref="ChangeRiskOptions.SectionName"/>, validated at start-up).</summary>
public static class CmdbChangesServiceCollectionExtensions
{
    /// <summary>Needs an <see cref="IChangeStore"/> (AddSqliteStorage registers one) and the impact analyzer.</summary>
    public static IServiceCollection AddCmdbChanges(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ChangeRiskAssessor))) return services;
        var options = services.AddOptions<ChangeRiskOptions>();
        if (services.Any(d => d.ServiceType == typeof(IConfiguration)))
            options.BindConfiguration(ChangeRiskOptions.SectionName);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChangeRiskOptions>, ChangeRiskOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ChangeRiskAssessor(sp.GetRequiredService<IOptions<ChangeRiskOptions>>().Value, sp.GetRequiredService<ImpactAnalyzer>()));
        services.TryAddSingleton(sp => new ChangeVerifier(sp.GetRequiredService<ImpactAnalyzer>()));
        services.TryAddSingleton<ChangeOperations>();
        return services;
    }
}
