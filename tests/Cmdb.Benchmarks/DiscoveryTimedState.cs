using System.Diagnostics;
using System.Reflection;
using Cmdb.Domain.Discovery;

namespace Cmdb.Benchmarks;

/// <summary>
/// The discovery state store as the engine sees it, timing each call (run records, sightings, conflicts): the SQLite
/// state store's calls complete synchronously, so the time of the call is the time of the work. For the first run's
/// wall-clock breakdown (<c>discovery</c>'s "state store calls" line).
/// </summary>
public class DiscoveryTimedState : DispatchProxy
{
    private readonly Dictionary<string, (int Calls, double First, double Wall)> _calls = [];
    private IDiscoveryStateStore _inner = null!;
    private Stopwatch _since = Stopwatch.StartNew();

    public static (IDiscoveryStateStore Store, DiscoveryTimedState Calls) Wrap(IDiscoveryStateStore inner)
    {
        var proxy = Create<IDiscoveryStateStore, DiscoveryTimedState>();
        var self = (DiscoveryTimedState)(object)proxy;
        self._inner = inner;
        return (proxy, self);
    }

    public void Reset()
    {
        lock (_calls) _calls.Clear();
        _since = Stopwatch.StartNew();
    }

    /// <summary>Per method: calls, when the first started (since <see cref="Reset"/>) and the wall of all of them.</summary>
    public string Summary()
    {
        lock (_calls)
        {
            return string.Join(", ", _calls.OrderBy(c => c.Value.First).Select(c =>
                $"{c.Key} {c.Value.Calls}× from {Report.Duration(c.Value.First)} wall {Report.Duration(c.Value.Wall)}"));
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var start = _since.Elapsed.TotalSeconds;
        var watch = Stopwatch.StartNew();
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
            if (result is Task { IsCompleted: false } pending) pending.Wait(); // never expected: the SQLite store completes synchronously
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            var name = targetMethod.Name.Replace("Async", "", StringComparison.Ordinal);
            lock (_calls)
            {
                var (calls, first, wall) = _calls.GetValueOrDefault(name, (0, start, 0));
                _calls[name] = (calls + 1, first, wall + watch.Elapsed.TotalSeconds);
            }
        }

        return result;
    }
}
