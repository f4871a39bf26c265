using Cmdb.Discovery.Framework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// Starts Quartz once the store is open: reconciles configuration into the job store, then starts firing. It must be
/// registered after the service that opens the store (hosted services start in registration order), because the
/// Quartz tables live in the store's database file and the store creates that file.
/// </summary>
internal sealed class DiscoverySchedulerService(
    IOptions<DiscoverySchedulerOptions> options, IServiceProvider services, ILogger<DiscoverySchedulerService> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            logger.LogInformation("The discovery scheduler is switched off (Cmdb:Discovery:SchedulerEnabled=false): sources run only when triggered.");
            return;
        }

        // Resolved here, not injected: with the scheduler off, Quartz is never built.
        var factory = services.GetRequiredService<ISchedulerFactory>();
        var discovery = services.GetRequiredService<IDiscoveryService>();
        var scheduler = await factory.GetScheduler(cancellationToken);
        await JobReconciler.ReconcileAsync(scheduler, discovery.Sources, logger, cancellationToken);
        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler) return;
        _scheduler = null;

        // Running sources are cancelled (a cancelled run records what it left) and awaited, so the store is never
        // disposed under a run. The scheduler may already be down: then there is nothing left to interrupt.
        try
        {
            foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DiscoveryJobKeys.JobGroup), cancellationToken))
                await scheduler.Interrupt(key, cancellationToken);
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
        catch (SchedulerException e)
        {
            // Stopping must not fail the host's shutdown; Quartz 4 offers no "is shut down" query to test first.
            logger.LogDebug(e, "The discovery scheduler was already shut down.");
        }
    }
}
