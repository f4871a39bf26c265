using System.Data.Common;
using System.Net.Http;
using Cmdb.Discovery.Framework;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// Decides whether a failed run is worth retrying: a timeout or an I/O problem (a file being replaced, a busy
/// database, a network blip) may pass; a malformed input or a configuration error will fail the same way again.
/// </summary>
internal static class TransientFailure
{
    // The run record carries the error as text only; these are the words the engine and .NET use for the
    // transient cases (timeouts, IOException messages, SQLite busy/locked).
    private static readonly string[] TransientWords =
    [
        "timed out", "timeout", "i/o error", "ioexception", "database is locked", "busy", "temporarily", "connection refused", "connection reset",
    ];

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or IOException or HttpRequestException => true,
        DbException db => db.IsTransient,
        AggregateException a => a.InnerExceptions.Any(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>A Failed run is transient when it timed out (<paramref name="timedOut"/>) or its error says so.</summary>
    public static bool IsTransient(DiscoveryRun run, bool timedOut)
    {
        if (run.Status != DiscoveryRunStatus.Failed) return false;
        if (timedOut) return true;
        var error = run.Error;
        return error is not null && TransientWords.Any(w => error.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
