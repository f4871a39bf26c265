using System.Globalization;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// CPU seconds the calling OS thread has used (Linux: <c>/proc/thread-self/stat</c>, 10 ms ticks; NaN elsewhere).
/// The benchmarks use it to show how a pipelined batch's work splits between its two threads: on a busy machine
/// wall time says little, but the busier thread's CPU is the wall time the batch needs when both cores are free.
/// </summary>
internal static class ThreadCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": field 3 is the state, so utime (14) and stime (15) are at 11 and 12.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }
}
