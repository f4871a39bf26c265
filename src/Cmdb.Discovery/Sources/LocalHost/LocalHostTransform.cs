using Cmdb.Discovery.Contract;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>
/// Pure transform of a host snapshot: the host CI, one Process CI per listening (or locally connecting) program,
/// Process RUNS_ON host, and client DEPENDS_ON server for every established connection between two local processes.
/// </summary>
/// <remarks>
/// The host name is the identity and must be there. A malformed socket-table line is skipped and makes the scope
/// incomplete, so a process that may have been hidden by it is never retired because of it.
/// </remarks>
public static partial class LocalHostTransform
{
    public static ScopeResult Transform(LocalHostSnapshot raw, LocalHostOptions options)
    {
        var hostname = raw.Hostname?.Trim();
        if (string.IsNullOrEmpty(hostname))
            throw new DiscoveryFormatException(raw.Scope, "the host name is unknown: proc/sys/kernel/hostname and etc/hostname are both missing or empty.");

        var problems = new List<string>();
        var sockets = raw.SocketTables.OrderBy(t => t.Key, StringComparer.Ordinal)
            .SelectMany(t => ProcNetParser.Parse(t.Key, t.Value, problems)).ToList();
        var complete = problems.Count == 0;
        var host = HostItem(raw, hostname, sockets);
        var hostRef = host.Identifiers.ContainsKey(WellKnown.Identifiers.MachineId)
            ? host.RefBy(WellKnown.Identifiers.MachineId)
            : host.RefBy(WellKnown.Identifiers.Fqdn);
        var (processes, relationships) = Processes(raw, host, hostRef, sockets, options);
        if (raw.InaccessibleProcesses > 0)
        {
            problems.Add($"{raw.InaccessibleProcesses} processes could not be inspected (their descriptors belong to another user); " +
                "run discovery as root to see their sockets.");
        }

        return new ScopeResult(raw.Scope, complete, [host, .. processes], relationships, problems);
    }
}
