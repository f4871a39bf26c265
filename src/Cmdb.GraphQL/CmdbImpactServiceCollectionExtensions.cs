using Cmdb.Domain.Impact;
using Cmdb.GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the impact analyzer the schema's impact fields use.</summary>
public static class CmdbImpactServiceCollectionExtensions
{
    /// <summary>The configuration section <see cref="ImpactOptions"/> bind to.</summary>
    public const string SectionName = "Cmdb:Impact";

    /// <summary>
    /// Registers <see cref="ImpactAnalyzer"/> (a singleton: it is stateless) with <see cref="ImpactOptions"/> bound to
    /// <see cref="SectionName"/> when an <c>IConfiguration</c> is registered, and validated at start-up.
    /// Called by <c>AddCmdbGraphQL</c>; calling it again is harmless.
    /// </summary>
    public static IServiceCollection AddCmdbImpact(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ImpactAnalyzer))) return services;
        var options = services.AddOptions<ImpactOptions>();
        if (services.Any(d => d.ServiceType == typeof(IConfiguration)))
            options.BindConfiguration(SectionName);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImpactOptions>, ImpactOptionsValidator>());
        services.TryAddSingleton(sp => new ImpactAnalyzer(sp.GetRequiredService<IOptions<ImpactOptions>>().Value));
        return services;
    }
}
