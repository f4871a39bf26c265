using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cmdb.Host.Webhooks;

/// <summary>Registers and maps the monitoring webhooks.</summary>
internal static class WebhookEndpoints
{
    public static IServiceCollection AddCmdbWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrWhiteSpace(o.WebhookTokenFile) || !string.IsNullOrWhiteSpace(o.WebhookToken) || File.Exists(o.WebhookTokenFile),
                "Cmdb:Events:WebhookTokenFile names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton<AlertmanagerWebhook>();
        return services;
    }

    /// <summary>Maps <c>POST /webhooks/alertmanager</c>; registers its services when AddCmdb did not.</summary>
    public static WebApplication MapCmdbWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/alertmanager", (HttpContext context) => context.RequestServices.GetRequiredService<AlertmanagerWebhook>().HandleAsync(context));
        return app;
    }
}
