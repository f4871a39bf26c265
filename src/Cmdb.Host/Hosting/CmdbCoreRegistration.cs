using Cmdb.Domain.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cmdb.Host.Hosting;

/// <summary>The services the web server and the command line share: model, clock, store and schema.</summary>
internal static class CmdbCoreRegistration
{
    /// <remarks>
    /// Options bind to <c>Cmdb:Model</c>, <c>Cmdb:Seed</c> and (inside the store) <c>Cmdb:Storage:Sqlite</c>, from
    /// appsettings.json, <c>Cmdb__...</c> environment variables and <c>--Cmdb:...=</c> arguments, later sources
    /// winning. Every option is validated when the host starts, or when the command line first needs it.
    /// </remarks>
    public static IHostApplicationBuilder AddCmdbCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SeedOptions>, SeedOptionsValidator>());

        services.TryAddSingleton(sp => ModelLoader.Load([.. sp.GetRequiredService<IOptions<ModelOptions>>().Value.ResolvedFiles]));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSqliteStorage();
        services.AddCmdbGraphQL();
        return builder;
    }
}
