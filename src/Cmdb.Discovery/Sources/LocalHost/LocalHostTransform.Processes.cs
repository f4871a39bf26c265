using System.Net;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.LocalHost;

public static partial class LocalHostTransform
{
    private static (List<DiscoveredItem> Items, IReadOnlyList<DiscoveredRelationship> Relationships) Processes(
        LocalHostSnapshot raw, DiscoveredItem host, DiscoveredRef hostRef, List<SocketEntry> sockets, LocalHostOptions options)
    {
        var byInode = sockets.GroupBy(s => s.Inode).ToDictionary(g => g.Key, g => g.First());
        var socketsOf = raw.Processes.ToDictionary(
            p => p.Pid, p => p.SocketInodes.Select(i => byInode.GetValueOrDefault(i)).OfType<SocketEntry>().ToList());
        var hostKey = host.Identifiers.GetValueOrDefault(WellKnown.Identifiers.MachineId) ?? host.Identifiers[WellKnown.Identifiers.Fqdn];
        var ephemeral = EphemeralPorts(raw.EphemeralPortRange);
        var keyOf = raw.Processes.ToDictionary(p => p.Pid, p => ProcessKey(hostKey, p, socketsOf[p.Pid], ephemeral));
        var listeners = raw.Processes
            .SelectMany(p => socketsOf[p.Pid].Where(s => s.IsListening).Select(s => (Socket: s, Process: p)))
            .ToLookup(l => (l.Socket.Transport, l.Socket.LocalPort));
        var localAddresses = sockets.Select(s => s.LocalAddress).Where(a => !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any)).ToHashSet();

        var relevant = raw.Processes.Where(p => socketsOf[p.Pid].Any(s => s.IsListening)).Select(p => p.Pid).ToHashSet();
        var dependencies = new List<(string Client, string Server, int Port)>();
        foreach (var client in raw.Processes)
        {
            var own = socketsOf[client.Pid];
            foreach (var s in own.Where(s => s.IsEstablished))
            {
                // The server's side of an accepted connection has the listening port as its local port: not a dependency.
                if (own.Any(l => l.IsListening && l.Transport == s.Transport && l.LocalPort == s.LocalPort)) continue;
                if (!IPAddress.IsLoopback(s.RemoteAddress) && !localAddresses.Contains(s.RemoteAddress)) continue;
                foreach (var (listener, server) in listeners[(s.Transport, s.RemotePort)])
                {
                    if (!Accepts(listener.LocalAddress, s.RemoteAddress)) continue;
                    relevant.Add(client.Pid);
                    dependencies.Add((keyOf[client.Pid], keyOf[server.Pid], s.RemotePort));
                }
            }
        }

        // Worker processes share their parent's listening socket and key: they are one CI.
        var items = new Dictionary<string, DiscoveredItem>(StringComparer.Ordinal);
        foreach (var group in raw.Processes.Where(p => relevant.Contains(p.Pid)).GroupBy(p => keyOf[p.Pid]).OrderBy(g => g.Key, StringComparer.Ordinal))
            items[group.Key] = ProcessItem(group.Key, group.ToList(), socketsOf, host, options);

        var set = new RelationshipSet();
        foreach (var key in items.Keys) set.Add(WellKnown.RelationshipTypes.RunsOn, new DiscoveredRef(WellKnown.Identifiers.ProcessKey, key), hostRef);
        foreach (var (client, server, port) in dependencies.OrderBy(d => d.Port))
        {
            set.Add(WellKnown.RelationshipTypes.DependsOn, new DiscoveredRef(WellKnown.Identifiers.ProcessKey, client),
                new DiscoveredRef(WellKnown.Identifiers.ProcessKey, server), new Attributes().Set("port", port).Build());
        }

        return (items.Values.ToList(), set.ToList());
    }

    /// <summary>
    /// Host, executable and, for a server, its lowest listening port (TCP before UDP): stable across restarts, unlike
    /// the pid, and distinct for two servers of one program (two postgres clusters on 5432 and 5433). A port from the
    /// kernel's ephemeral range was picked at random (bind to port 0) and changes on every start, so it is left out.
    /// </summary>
    private static string ProcessKey(string hostKey, ProcessSnapshot p, List<SocketEntry> sockets, (int Low, int High) ephemeral)
    {
        var executable = Executable(p) ?? $"[{p.Command ?? "unknown"}]";
        var listen = sockets.Where(s => s.IsListening && (s.LocalPort < ephemeral.Low || s.LocalPort > ephemeral.High))
            .OrderBy(s => s.Transport, StringComparer.Ordinal).ThenBy(s => s.LocalPort).FirstOrDefault();
        return Names.Key(listen is null ? $"{hostKey}:{executable}" : $"{hostKey}:{executable}:{listen.Transport}/{listen.LocalPort}");
    }

    private static DiscoveredItem ProcessItem(
        string key, List<ProcessSnapshot> group, Dictionary<int, List<SocketEntry>> socketsOf, DiscoveredItem host, LocalHostOptions options)
    {
        var first = group.OrderBy(p => p.Pid).First();
        var listens = group.SelectMany(p => socketsOf[p.Pid]).Where(s => s.IsListening).Select(s => s.Endpoint).Distinct().Order(StringComparer.Ordinal).ToList();
        var command = first.Command ?? Path.GetFileName(first.Executable) ?? "process";
        var last = key[(key.LastIndexOf(':') + 1)..];
        var port = last.StartsWith("tcp/", StringComparison.Ordinal) || last.StartsWith("udp/", StringComparison.Ordinal) ? $" ({last})" : "";
        var attributes = new Attributes()
            .Set("executable", Executable(first))
            .Set("command", first.Command)
            .Set("host", host.Identifiers[WellKnown.Identifiers.Fqdn])
            .Set("listens", Json.ToArray(listens))
            .Set("commandLine", options.IncludeCommandLine ? first.CommandLine : null);
        return new DiscoveredItem(
            WellKnown.Classes.Process,
            Names.Clip($"{command}{port} on {host.Name}"),
            new Dictionary<string, string> { [WellKnown.Identifiers.ProcessKey] = key },
            attributes.Build());
    }

    /// <summary>
    /// The executable's path. After a package upgrade the kernel shows the replaced binary as "path (deleted)"
    /// until the process restarts; that is still the same program, so it keeps its key.
    /// </summary>
    private static string? Executable(ProcessSnapshot p) =>
        p.Executable is { } exe && exe.EndsWith(DeletedSuffix, StringComparison.Ordinal) ? exe[..^DeletedSuffix.Length] : p.Executable;

    private const string DeletedSuffix = " (deleted)";

    /// <summary>The kernel's ephemeral port range (Linux default 32768–60999 when unknown).</summary>
    private static (int Low, int High) EphemeralPorts(string? range)
    {
        var parts = range?.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: 2 }
            && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var high) && low <= high
            ? (low, high)
            : (32768, 60999);
    }

    /// <summary>Whether a listener bound to <paramref name="bound"/> receives connections sent to <paramref name="target"/>.</summary>
    private static bool Accepts(IPAddress bound, IPAddress target) =>
        bound.Equals(target)
        || (bound.Equals(IPAddress.Any) && target.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        || bound.Equals(IPAddress.IPv6Any); // Dual-stack by default (net.ipv6.bindv6only = 0).
}
