using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cmdb.Host.Hosting;

/// <summary>Healthy once the store has been opened (and seeded); unhealthy until then.</summary>
internal sealed class StoreHealthCheck(StoreReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("The store is initialized.")
            : HealthCheckResult.Unhealthy("The store is not initialized yet."));
}
