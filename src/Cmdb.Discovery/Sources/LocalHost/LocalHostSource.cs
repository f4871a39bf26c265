using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>Discovers the Linux host it runs on from /proc, /sys and /etc: the host, its listening processes and
/// the dependencies between them seen in established local connections.</summary>
public sealed partial class LocalHostSource(LocalHostOptions options) : IDiscoverySource
{
    public static readonly string[] SocketProtocols = ["tcp", "tcp6", "udp", "udp6"];

    public string Kind => "localhost";

    public async Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken)
    {
        var scope = options.Scope ?? "host:" + (ReadOptional(options.RootPath, "proc/sys/kernel/hostname")?.Trim() is { Length: > 0 } h ? h : "localhost");
        var result = await ScopeRunner.RunAsync(
            scope, ct => Task.FromResult(Get(options.RootPath, scope, ct)), raw => LocalHostTransform.Transform(raw, options), cancellationToken);
        return DiscoveryBatch.Of(result);
    }

    /// <summary>Reads the files under <paramref name="root"/>; throws when the socket tables cannot be read.</summary>
    public static LocalHostSnapshot Get(string root, string scope, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var protocol in SocketProtocols)
        {
            // tcp6/udp6 are absent when IPv6 is disabled; tcp and udp are always there.
            var text = ReadOptional(root, $"proc/net/{protocol}");
            if (text is null && protocol is "tcp" or "udp") throw new IOException($"{Path.Combine(root, "proc/net", protocol)} cannot be read.");
            if (text is not null) tables[protocol] = text;
        }

        var dmi = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "sys_vendor", "product_name", "product_uuid", "product_serial" })
        {
            if (ReadOptional(root, $"sys/class/dmi/id/{name}")?.Trim() is { Length: > 0 } v) dmi[name] = v;
        }

        var (processes, inaccessible) = ReadProcesses(root, cancellationToken);
        return new LocalHostSnapshot
        {
            Scope = scope,
            Hostname = ReadOptional(root, "proc/sys/kernel/hostname") ?? ReadOptional(root, "etc/hostname"),
            DomainName = ReadOptional(root, "proc/sys/kernel/domainname"),
            HostsFile = ReadOptional(root, "etc/hosts"),
            MachineId = ReadOptional(root, "etc/machine-id") ?? ReadOptional(root, "var/lib/dbus/machine-id"),
            OsRelease = ReadOptional(root, "etc/os-release") ?? ReadOptional(root, "usr/lib/os-release"),
            KernelRelease = ReadOptional(root, "proc/sys/kernel/osrelease"),
            CpuInfo = ReadOptional(root, "proc/cpuinfo"),
            MemInfo = ReadOptional(root, "proc/meminfo"),
            EphemeralPortRange = ReadOptional(root, "proc/sys/net/ipv4/ip_local_port_range"),
            Dmi = dmi,
            SocketTables = tables,
            Processes = processes,
            InaccessibleProcesses = inaccessible,
        };
    }

    private static string? ReadOptional(string root, string relative)
    {
        try
        {
            return File.ReadAllText(Path.Combine(root, relative));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
