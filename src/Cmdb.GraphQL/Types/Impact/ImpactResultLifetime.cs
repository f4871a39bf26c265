using Cmdb.Domain.Impact;
using GraphQL;
using GraphQL.DI;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>
/// Disposes the impact results a GraphQL execution made once it has executed, so a large result's arrays are reused by
/// the next impact call instead of being allocated again (see <see cref="ImpactResult.Dispose"/>).
/// </summary>
/// <remarks>
/// The resolvers run inside the execution's async flow, so they find the execution's list through an
/// <see cref="AsyncLocal{T}"/> (parallel resolvers share it, hence the lock). Nothing reads a result after the execution:
/// every resolver has run and leaf values are serialized while executing, so the response is written from plain values.
/// Results made outside an execution (a change assessment's, which its own object keeps; code calling the analyzer
/// directly) are never registered: they are not recycled, and stay correct.
/// </remarks>
public static class ImpactResultLifetime
{
    private static readonly AsyncLocal<List<ImpactResult>?> Current = new();

    /// <summary>The execution step (see <c>ConfigureExecution</c>): runs the execution, then disposes what it registered.</summary>
    public static async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var results = new List<ImpactResult>();
        Current.Value = results;
        try
        {
            return await next(options);
        }
        finally
        {
            lock (results)
            {
                foreach (var result in results) result.Dispose();
                results.Clear();
            }
        }
    }

    /// <summary>Registers <paramref name="result"/> to be disposed when the current execution ends (none: left alone); returns it.</summary>
    public static ImpactResult Owned(ImpactResult result)
    {
        if (Current.Value is { } results)
        {
            lock (results) results.Add(result);
        }

        return result;
    }
}
