using System.Globalization;
using System.Runtime.InteropServices;

namespace Cmdb.Benchmarks;

/// <summary>Prints the machine and the figures, in a form that can be pasted into docs/benchmarks.md.</summary>
internal static class Report
{
    public static void Machine()
    {
        Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, {CpuModel()}, {TotalRamGb():F1} GB RAM, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        Console.WriteLine($"# gc: server={System.Runtime.GCSettings.IsServerGC}, latency={System.Runtime.GCSettings.LatencyMode}; load average at start: {LoadAverage()}; utc {TimeProvider.System.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}");
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Line(string text) => Console.WriteLine(text);

    public static string Duration(double seconds) => seconds switch
    {
        < 1e-6 => $"{seconds * 1e9:F0} ns",
        < 1e-3 => $"{seconds * 1e6:F2} µs",
        < 1 => $"{seconds * 1e3:F3} ms",
        _ => $"{seconds:F2} s",
    };

    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e9 => $"{perSecond / 1e9:F2} G/s",
        >= 1e6 => $"{perSecond / 1e6:F2} M/s",
        >= 1e3 => $"{perSecond / 1e3:F1} k/s",
        _ => $"{perSecond:F1} /s",
    };

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F1} MB";

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo")) return "unknown CPU";
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double TotalRamGb()
    {
        if (!File.Exists("/proc/meminfo")) return 0;
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0 / 1024.0;
    }
}
