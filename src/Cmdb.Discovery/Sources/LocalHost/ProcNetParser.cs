using System.Globalization;
using System.Net;

namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>
/// Parses the kernel's socket tables. Addresses are hex in host byte order (little-endian words); ports are hex.
/// A malformed line is skipped and reported, so one bad line never hides the rest of the table.
/// </summary>
internal static class ProcNetParser
{
    public static List<SocketEntry> Parse(string protocol, string text, List<string> problems)
    {
        var entries = new List<SocketEntry>();
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++) // Line 0 is the column header.
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var entry = ParseLine(protocol, line);
            if (entry is null) problems.Add($"proc/net/{protocol} line {i + 1} is malformed and was skipped: '{Shorten(line)}'.");
            else entries.Add(entry);
        }

        return entries;
    }

    private static SocketEntry? ParseLine(string protocol, string line)
    {
        var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 10 || !f[0].EndsWith(':')) return null;
        if (!TryEndpoint(f[1], out var local, out var localPort) || !TryEndpoint(f[2], out var remote, out var remotePort)) return null;
        if (!int.TryParse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var state)) return null;
        if (!long.TryParse(f[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)) return null;
        return new SocketEntry(protocol, Normalise(local), localPort, Normalise(remote), remotePort, state, inode);
    }

    private static bool TryEndpoint(string text, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is not (8 or 32) || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out port) || port > 65535)
            return false;
        var hex = text.AsSpan(0, colon);
        var bytes = new byte[colon / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var b = 0; b < 4; b++)
            {
                // Each 32-bit word is printed as a host-order (little-endian) integer: its bytes come out reversed.
                if (!byte.TryParse(hex.Slice((word * 4 + 3 - b) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out bytes[word * 4 + b]))
                    return false;
            }
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address: a dual-stack listener serves both.</summary>
    public static IPAddress Normalise(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
