using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>How discovery is laid out in the job store: one durable job per source, named after it.</summary>
internal static class DiscoveryJobKeys
{
    /// <summary>The group of the per-source jobs; anything else in the store is not ours to reconcile.</summary>
    public const string JobGroup = "cmdb-discovery";

    /// <summary>The group of the recurring triggers (one per source, named after it).</summary>
    public const string ScheduleGroup = "cmdb-discovery-schedule";

    /// <summary>The group of one-shot retry triggers.</summary>
    public const string RetryGroup = "cmdb-discovery-retry";

    /// <summary>Trigger data: the <see cref="Framework.DiscoveryTrigger"/> of the run it fires.</summary>
    public const string TriggerKind = "trigger";

    /// <summary>Trigger data: which retry this is (1 = the first).</summary>
    public const string Attempt = "attempt";

    /// <summary>Trigger data: the id a waiting <see cref="IDiscoveryScheduler.TriggerAsync"/> listens for.</summary>
    public const string RequestId = "request";

    public static JobKey Job(string source) => new(source, JobGroup);

    public static TriggerKey Schedule(string source) => new(source, ScheduleGroup);
}
