using Cmdb.Host.GraphQLHttp;
using Cmdb.Host.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cmdb.Host.Hosting;

/// <summary>Composes the web service: <see cref="AddCmdb"/> registers it, <see cref="MapCmdb"/> maps its endpoints.</summary>
internal static class CmdbHostingExtensions
{
    /// <summary>Where the service listens when nothing is configured: loopback only, never every interface by accident.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddCmdb(this WebApplicationBuilder builder)
    {
        builder.AddCmdbCore();
        var services = builder.Services;
        services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IRequestActorResolver, AnonymousActorResolver>();
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton<DemoEstateSeeder>();
        services.AddHostedService<StoreStartupService>();
        builder.AddCmdbDiscovery(); // after the store: Quartz starts once the store has opened its file
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        Cmdb.Host.Webhooks.WebhookEndpoints.AddCmdbWebhooks(services);

        if (!HasConfiguredAddress(builder.Configuration)) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    public static WebApplication MapCmdb(this WebApplication app)
    {
        app.MapGet("/", LandingPage.Render);
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapGraphQLHttp("/graphql");
        Cmdb.Host.Webhooks.WebhookEndpoints.MapCmdbWebhooks(app);
        return app;
    }

    // appsettings.json carries the default too, but it is only found when the content root is the project or
    // output folder; this keeps `dotnet run --project ...` from elsewhere on loopback as well.
    private static bool HasConfiguredAddress(ConfigurationManager configuration) =>
        !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
