using System.Runtime.InteropServices;

namespace Cmdb.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike wall time it leaves out the time the
/// thread waited for a core, so it stays comparable when other processes load the machine.
/// </summary>
internal static class ThreadCpu
{
    private const int ThreadCpuClock = 3;

    /// <summary>Median CPU seconds per call over batches of about 200 µs, within <paramref name="budgetSeconds"/> of wall time.</summary>
    public static Timing Measure(Func<long> operation, double budgetSeconds)
    {
        long sink = 0;
        var warm = Now();
        var calls = 0;
        while (calls < 3 || Now() - warm < 0.1 * budgetSeconds)
        {
            sink += operation();
            calls++;
        }

        var batch = (int)Math.Clamp(200e-6 / Math.Max((Now() - warm) / calls, 1e-9), 1, 100_000);
        var samples = new List<double>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        while (samples.Count < 5 || (samples.Count < 301 && wall.Elapsed.TotalSeconds < budgetSeconds))
        {
            var start = Now();
            for (var i = 0; i < batch; i++) sink += operation();
            samples.Add((Now() - start) / batch);
        }

        GC.KeepAlive(sink);
        return Sampler.Summarise(samples, batch);
    }

    /// <summary>CPU seconds this thread has used.</summary>
    public static double Now()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuClock, out var t) != 0) return System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;
        return t.Seconds + (t.Nanoseconds * 1e-9);
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code in this project; a blittable DllImport is equivalent here
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
