using System.Globalization;
using System.Text.RegularExpressions;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.LocalHost;

public static partial class LocalHostTransform
{
    /// <summary>DMI vendor or product names that only virtual machines report, and the platform each means.</summary>
    private static readonly (string Marker, string Platform)[] VirtualPlatforms =
    [
        ("QEMU", "qemu"), ("KVM", "kvm"), ("VMware", "vmware"), ("VirtualBox", "virtualbox"), ("innotek", "virtualbox"),
        ("Xen", "xen"), ("Virtual Machine", "hyperv"), ("Amazon EC2", "amazon"), ("Google Compute Engine", "google"),
        ("OpenStack", "openstack"), ("Parallels", "parallels"), ("Bochs", "bochs"), ("DigitalOcean", "digitalocean"),
        ("Nutanix", "nutanix"), ("oVirt", "ovirt"), ("RHEV", "rhev"), ("Firecracker", "firecracker"),
    ];

    /// <summary>Placeholders firmware writes instead of a real serial number; they identify nothing.</summary>
    private static readonly HashSet<string> JunkSerials = new(StringComparer.OrdinalIgnoreCase)
    {
        "0", "None", "Not Specified", "Not Applicable", "To be filled by O.E.M.", "To Be Filled By O.E.M.", "Default string",
        "System Serial Number", "0123456789", "Unknown",
    };

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex MachineIdPattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    private static DiscoveredItem HostItem(LocalHostSnapshot raw, string hostname, List<SocketEntry> sockets)
    {
        var platform = Platform(raw);
        var fqdn = Fqdn(raw, hostname);
        var identifiers = new SortedDictionary<string, string>(StringComparer.Ordinal) { [WellKnown.Identifiers.Fqdn] = fqdn };
        if (raw.MachineId?.Trim() is { } id && MachineIdPattern().IsMatch(id)) identifiers[WellKnown.Identifiers.MachineId] = id;
        if (platform is not null && raw.Dmi.TryGetValue("product_uuid", out var uuid) && UuidPattern().IsMatch(uuid) && uuid.Any(c => c is not ('0' or '-' or 'f' or 'F')))
            identifiers[WellKnown.Identifiers.VmUuid] = uuid.ToLowerInvariant();
        if (platform is null && raw.Dmi.TryGetValue("product_serial", out var serial) && !JunkSerials.Contains(serial))
            identifiers[WellKnown.Identifiers.Serial] = serial;

        var os = KeyValues(raw.OsRelease);
        var cpus = raw.CpuInfo?.Split('\n').Count(l => l.StartsWith("processor", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
        var attributes = new Attributes()
            .Set("hostname", hostname)
            .Set("os.id", os.GetValueOrDefault("ID"))
            .Set("os.name", os.GetValueOrDefault("NAME"))
            .Set("os.version", os.GetValueOrDefault("VERSION_ID"))
            .Set("os.prettyName", os.GetValueOrDefault("PRETTY_NAME"))
            .Set("kernel", raw.KernelRelease?.Trim())
            .Set("cpuCount", cpus is > 0 ? cpus : null)
            .Set("cpuModel", CpuInfoValue(raw.CpuInfo, "model name"))
            .Set("memoryBytes", MemTotalBytes(raw.MemInfo))
            .Set("virtualization", platform)
            .Set("vendor", raw.Dmi.GetValueOrDefault("sys_vendor"))
            .Set("model", raw.Dmi.GetValueOrDefault("product_name"))
            .Set("listeningPorts", Json.ToArray(sockets.Where(s => s.IsListening).Select(s => $"{s.Transport}/{s.LocalPort}").Distinct().Order(StringComparer.Ordinal)));
        var ciClass = platform is null ? WellKnown.Classes.LinuxServer : WellKnown.Classes.VirtualMachine;
        return new DiscoveredItem(ciClass, Names.Clip(fqdn), identifiers, attributes.Build());
    }

    /// <summary>The virtual platform, or null on bare metal: DMI names first, then the CPU's hypervisor flag.</summary>
    private static string? Platform(LocalHostSnapshot raw)
    {
        var dmi = $"{raw.Dmi.GetValueOrDefault("sys_vendor")} {raw.Dmi.GetValueOrDefault("product_name")}";
        foreach (var (marker, platform) in VirtualPlatforms)
        {
            if (dmi.Contains(marker, StringComparison.OrdinalIgnoreCase)) return platform;
        }

        var flags = CpuInfoValue(raw.CpuInfo, "flags");
        return flags is not null && flags.Split(' ').Contains("hypervisor") ? "hypervisor" : null;
    }

    /// <summary>As <c>hostname -f</c> without DNS: the canonical /etc/hosts name of the host, else host.domain, else the host name.</summary>
    private static string Fqdn(LocalHostSnapshot raw, string hostname)
    {
        foreach (var line in (raw.HostsFile ?? "").Split('\n'))
        {
            var names = line.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            if (!names.Any(n => n.Equals(hostname, StringComparison.OrdinalIgnoreCase) || n.StartsWith(hostname + ".", StringComparison.OrdinalIgnoreCase))) continue;
            var qualified = names.FirstOrDefault(n => n.StartsWith(hostname + ".", StringComparison.OrdinalIgnoreCase));
            if (qualified is not null) return qualified.ToLowerInvariant();
        }

        var domain = raw.DomainName?.Trim();
        return (string.IsNullOrEmpty(domain) || domain == "(none)" ? hostname : $"{hostname}.{domain}").ToLowerInvariant();
    }

    private static Dictionary<string, string> KeyValues(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || line.TrimStart().StartsWith('#')) continue;
            var value = line[(eq + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0) values[line[..eq].Trim()] = value;
        }

        return values;
    }

    private static string? CpuInfoValue(string? cpuInfo, string key) =>
        (cpuInfo ?? "").Split('\n')
            .Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal) && l[..l.IndexOf(':', StringComparison.Ordinal)].Trim() == key)
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault(v => v.Length > 0);

    private static long? MemTotalBytes(string? memInfo)
    {
        var line = (memInfo ?? "").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }
}
