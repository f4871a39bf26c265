using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;
using Cmdb.Domain.Errors;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Discovery;

/// <summary>What the discovery fields share: the services, argument checks, and the reads that combine two sources.</summary>
internal static class DiscoveryApi
{
    /// <summary>How many recent runs <c>heldDiscoveryRuns</c> looks through: a held run waits for an admin, so it is recent.</summary>

    public static IDiscoveryService Service(IResolveFieldContext context) =>
        context.Services().GetService<IDiscoveryService>()
        ?? throw new InvalidOperationException("Discovery is not registered in this host: call AddDiscoveryEngine.");

    /// <summary>The registered scheduler; a host without one (tests, tools) runs sources manually only.</summary>
    public static IDiscoveryScheduler Scheduler(IResolveFieldContext context) =>
        context.Services().GetService<IDiscoveryScheduler>()
        ?? new ManualDiscoveryScheduler(Service(context), context.Services().GetService<TimeProvider>() ?? TimeProvider.System);

    public static async Task<IReadOnlyList<DiscoverySourceNode>> SourcesAsync(IResolveFieldContext context)
    {
        var schedules = await Scheduler(context).GetSchedulesAsync(context.CancellationToken);
        var lastRuns = await Service(context).GetLastRunsAsync(context.CancellationToken);
        var infos = Service(context).Sources.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        return [.. schedules.Select(s => new DiscoverySourceNode(infos[s.Source], s, lastRuns.GetValueOrDefault(s.Source)))];
    }

    public static async Task<DiscoverySourceNode> SourceAsync(IResolveFieldContext context, DiscoverySchedule schedule)
    {
        var info = Service(context).Sources.First(s => string.Equals(s.Name, schedule.Source, StringComparison.OrdinalIgnoreCase));
        var lastRuns = await Service(context).GetLastRunsAsync(context.CancellationToken);
        return new DiscoverySourceNode(info, schedule, lastRuns.GetValueOrDefault(info.Name));
    }

    /// <summary>Runs whose retirements wait for approval, newest first.</summary>
    public static Task<IReadOnlyList<DiscoveryRun>> HeldRunsAsync(IResolveFieldContext context) =>
        Service(context).GetHeldRunsAsync(context.CancellationToken);

    /// <summary>An optional source filter: omitted means all sources; present must name one.</summary>
    public static string? SourceFilter(string? source) =>
        source is null || !string.IsNullOrWhiteSpace(source)
            ? source?.Trim()
            : throw CmdbException.Invalid("source must name a configured discovery source; leave it out to list all sources.", "source");

    public static string RunId(string? runId) =>
        !string.IsNullOrWhiteSpace(runId) && runId.Trim().Length <= 64
            ? runId.Trim()
            : throw CmdbException.Invalid("runId must be the id of a discovery run (1 to 64 characters).", "runId");
}
