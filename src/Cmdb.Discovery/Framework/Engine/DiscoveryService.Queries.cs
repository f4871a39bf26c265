using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    public async Task<Page<DiscoveryRun>> GetRunsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken)
    {
        var source = sourceName is null ? null : Find(sourceName).Name;
        var page = await _state.GetRunsAsync(source, first, after, cancellationToken);
        return new Page<DiscoveryRun>([.. page.Items.Select(i => new PageItem<DiscoveryRun>(DiscoveryJson.Run(i.Node), i.Cursor))], page.TotalCount, page.HasNextPage);
    }

    public async Task<DiscoveryRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        await _state.GetRunAsync(runId, cancellationToken) is { } stored ? DiscoveryJson.Run(stored) : null;

    public async Task<IReadOnlyDictionary<string, DiscoveryRun>> GetLastRunsAsync(CancellationToken cancellationToken) =>
        (await _state.GetLastRunsAsync(cancellationToken)).ToDictionary(r => r.Source, DiscoveryJson.Run, StringComparer.OrdinalIgnoreCase);

    public async Task<Page<ReconciliationConflict>> GetConflictsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken)
    {
        var source = sourceName is null ? null : Find(sourceName).Name;
        var page = await _state.GetConflictsAsync(source, first, after, cancellationToken);
        return new Page<ReconciliationConflict>(
            [.. page.Items.Select(i => new PageItem<ReconciliationConflict>(DiscoveryJson.Conflict(i.Node), i.Cursor))], page.TotalCount, page.HasNextPage);
    }

    public async Task<IReadOnlyList<DiscoveryRun>> GetHeldRunsAsync(CancellationToken cancellationToken)
    {
        var held = new List<DiscoveryRun>();
        foreach (var id in await _state.GetHeldRunIdsAsync(cancellationToken))
        {
            if (await GetRunAsync(id, cancellationToken) is { Hold: HoldState.Pending } run) held.Add(run);
        }

        return held;
    }

    private Task SaveRunAsync(DiscoveryRun run, CancellationToken cancellationToken) => _state.SaveRunAsync(DiscoveryJson.Store(run), cancellationToken);
}
