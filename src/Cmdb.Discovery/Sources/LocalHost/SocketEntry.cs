using System.Net;

namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>One line of /proc/net/{tcp,tcp6,udp,udp6}.</summary>
internal sealed record SocketEntry(string Protocol, IPAddress LocalAddress, int LocalPort, IPAddress RemoteAddress, int RemotePort, int State, long Inode)
{
    public const int Established = 0x01;
    public const int Unconnected = 0x07;
    public const int Listen = 0x0A;

    /// <summary>tcp or udp, whichever the table's address family.</summary>
    public string Transport => Protocol.StartsWith("tcp", StringComparison.Ordinal) ? "tcp" : "udp";

    /// <summary>A TCP socket in LISTEN, or a UDP socket bound but not connected: both accept traffic.</summary>
    public bool IsListening => Transport == "tcp" ? State == Listen : State == Unconnected && RemotePort == 0;

    public bool IsEstablished => Transport == "tcp" && State == Established;

    public string Endpoint => $"{Transport} {Format(LocalAddress)}:{LocalPort}";

    public static string Format(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}
