using System.Collections.Concurrent;
using Cmdb.Discovery.Framework;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// Connects a waiting <see cref="IDiscoveryScheduler.TriggerAsync"/> with the job execution its trigger fires: the
/// trigger carries a request id, the job completes it with the run record.
/// </summary>
internal sealed class RunCompletions
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DiscoveryRun>> _pending = new(StringComparer.Ordinal);

    public (string Id, Task<DiscoveryRun> Run) Register()
    {
        var id = Guid.NewGuid().ToString("N");
        var completion = new TaskCompletionSource<DiscoveryRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        return (id, completion.Task);
    }

    public void Forget(string id) => _pending.TryRemove(id, out _);

    public void Complete(string? id, DiscoveryRun run)
    {
        if (id is not null && _pending.TryRemove(id, out var completion)) completion.TrySetResult(run);
    }

    public void Fail(string? id, Exception exception)
    {
        if (id is not null && _pending.TryRemove(id, out var completion)) completion.TrySetException(exception);
    }
}
