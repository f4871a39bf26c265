using System.Globalization;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// The Quartz job of one source (its key's name is the source name): one run under the source's timeout, then,
/// when the run failed transiently, a one-shot retry trigger with exponential backoff. Quartz never runs two
/// executions of one job key at once, so scheduled runs, retries and manual triggers of a source never overlap.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DiscoveryJob(
    IDiscoveryService discovery,
    IOptions<DiscoverySchedulerOptions> options,
    IOptions<DiscoveryOptions> sources,
    RunCompletions completions,
    TimeProvider time,
    ILogger<DiscoveryJob> logger)
    : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var source = context.JobDetail.Key.Name;
        var data = context.MergedJobDataMap;
        var trigger = Enum.TryParse<DiscoveryTrigger>(data.GetString(DiscoveryJobKeys.TriggerKind), out var t) ? t : DiscoveryTrigger.Schedule;
        var attempt = int.TryParse(data.GetString(DiscoveryJobKeys.Attempt), CultureInfo.InvariantCulture, out var a) ? a : 0;
        var requestId = data.GetString(DiscoveryJobKeys.RequestId);

        var info = discovery.Sources.FirstOrDefault(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase));
        if (info is null)
        {
            // Removed from configuration while a trigger was pending; start-up reconciliation deletes the job.
            completions.Fail(requestId, CmdbException.NotFound($"There is no discovery source named '{source}'."));
            return;
        }

        using var timeout = new CancellationTokenSource(info.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var run = await discovery.RunAsync(source, trigger, linked.Token);
            try
            {
                // Scheduled before the waiting caller hears of the run, so what it sees next includes the retry.
                if (TransientFailure.IsTransient(run, timeout.IsCancellationRequested))
                    await ScheduleRetryAsync(context, source, attempt, run.Error, cancellationToken);
            }
            finally
            {
                completions.Complete(requestId, run);
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The engine let the cancellation escape instead of recording a failed run: still a transient failure.
            logger.LogWarning("Discovery source {Source} timed out after {Timeout}.", source, info.Timeout);
            await ScheduleRetryAsync(context, source, attempt, "timed out", cancellationToken);
            completions.Fail(requestId, new TimeoutException($"Discovery source '{source}' timed out after {info.Timeout}.", e));
        }
        catch (OperationCanceledException e)
        {
            // Shutdown or interruption: nothing to retry; the next start picks the schedule up again.
            completions.Fail(requestId, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Discovery source {Source} could not be run.", source);
            if (TransientFailure.IsTransient(e)) await ScheduleRetryAsync(context, source, attempt, e.Message, cancellationToken);
            completions.Fail(requestId, e);
        }
    }

    private async Task ScheduleRetryAsync(IJobExecutionContext context, string source, int attempt, string? error, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var next = attempt + 1;
        var retries = sources.Value.Sources.TryGetValue(source, out var configured) ? configured.Retries : 0;
        if (next > retries)
        {
            if (retries > 0) logger.LogWarning("Discovery source {Source} failed again ({Error}); giving up after {Retries} retries.", source, error, retries);
            return;
        }

        var delay = RetryBackoff.Delay(next, o.RetryDelay, o.MaxRetryDelay);
        var retry = TriggerBuilder.Create()
            .WithIdentity($"{source}#{next}#{Guid.NewGuid():N}", DiscoveryJobKeys.RetryGroup)
            .ForJob(context.JobDetail.Key)
            .StartAt(time.GetUtcNow() + delay)
            .UsingJobData(DiscoveryJobKeys.TriggerKind, nameof(DiscoveryTrigger.Retry))
            .UsingJobData(DiscoveryJobKeys.Attempt, next.ToString(CultureInfo.InvariantCulture))
            .WithSimpleSchedule(x => x.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
        logger.LogInformation("Discovery source {Source} failed transiently ({Error}); retry {Attempt} of {Retries} in {Delay}.", source, error, next, retries, delay);
    }
}
