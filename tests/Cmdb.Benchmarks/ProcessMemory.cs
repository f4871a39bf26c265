using System.Globalization;

namespace Cmdb.Benchmarks;

/// <summary>Managed heap and resident set size of this process.</summary>
internal static class ProcessMemory
{
    /// <summary>Live managed bytes after full, compacting collections.</summary>
    public static long ManagedAfterFullCollection()
    {
        for (var i = 0; i < 3; i++)
        {
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Current resident set size (VmRSS) and its peak (VmHWM), in bytes.</summary>
    public static (long Rss, long Peak) Resident()
    {
        if (!File.Exists("/proc/self/status")) return (Environment.WorkingSet, Environment.WorkingSet);
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
        }

        return (rss, peak);
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
