namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>The raw files the host source reads, as text; null where a file was absent or unreadable.</summary>
public sealed record LocalHostSnapshot
{
    public required string Scope { get; init; }

    public string? Hostname { get; init; }

    public string? DomainName { get; init; }

    public string? HostsFile { get; init; }

    public string? MachineId { get; init; }

    public string? OsRelease { get; init; }

    public string? KernelRelease { get; init; }

    public string? CpuInfo { get; init; }

    public string? MemInfo { get; init; }

    /// <summary>proc/sys/net/ipv4/ip_local_port_range: the ports the kernel hands out to unbound sockets.</summary>
    public string? EphemeralPortRange { get; init; }

    /// <summary>Files of /sys/class/dmi/id by name (sys_vendor, product_name, product_uuid, product_serial).</summary>
    public IReadOnlyDictionary<string, string> Dmi { get; init; } = new Dictionary<string, string>();

    /// <summary>The socket tables by protocol (tcp, tcp6, udp, udp6): the text of /proc/net/&lt;protocol&gt;.</summary>
    public IReadOnlyDictionary<string, string> SocketTables { get; init; } = new Dictionary<string, string>();

    /// <summary>Processes holding at least one socket.</summary>
    public IReadOnlyList<ProcessSnapshot> Processes { get; init; } = [];

    /// <summary>Processes whose descriptors could not be read (another user's, without root).</summary>
    public int InaccessibleProcesses { get; init; }
}
