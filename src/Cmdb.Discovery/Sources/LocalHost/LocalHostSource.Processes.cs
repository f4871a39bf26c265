using System.Globalization;

namespace Cmdb.Discovery.Sources.LocalHost;

public sealed partial class LocalHostSource
{
    private const string SocketPrefix = "socket:[";

    private static (List<ProcessSnapshot> Processes, int Inaccessible) ReadProcesses(string root, CancellationToken cancellationToken)
    {
        var processes = new List<ProcessSnapshot>();
        var inaccessible = 0;
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(root, "proc")))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var inodes = SocketInodes(Path.Combine(dir, "fd"));
                if (inodes.Count == 0) continue;
                processes.Add(new ProcessSnapshot(
                    pid,
                    ReadOptional(dir, "comm")?.Trim(),
                    LinkTarget(Path.Combine(dir, "exe")),
                    ReadOptional(dir, "cmdline")?.Replace('\0', ' ').Trim(),
                    inodes));
            }
            catch (UnauthorizedAccessException)
            {
                inaccessible++;
            }
            catch (IOException)
            {
                // The process ended while we looked: it is simply not there any more.
            }
        }

        return (processes, inaccessible);
    }

    private static List<long> SocketInodes(string fdDirectory)
    {
        var inodes = new List<long>();
        foreach (var fd in Directory.EnumerateFileSystemEntries(fdDirectory))
        {
            var target = LinkTarget(fd);
            if (target is null || !target.StartsWith(SocketPrefix, StringComparison.Ordinal) || !target.EndsWith(']')) continue;
            if (long.TryParse(target.AsSpan(SocketPrefix.Length, target.Length - SocketPrefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                inodes.Add(inode);
        }

        return inodes;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null; // The descriptor was closed between listing and reading.
        }
    }
}
