namespace Cmdb.Discovery.Sources.LocalHost;

/// <summary>What /proc/&lt;pid&gt; showed of one process that holds sockets.</summary>
/// <param name="Pid">Process id (never part of an identity: it changes on every restart).</param>
/// <param name="Command">The short command name (<c>comm</c>).</param>
/// <param name="Executable">Target of the <c>exe</c> link, when readable.</param>
/// <param name="CommandLine">Arguments (NUL-separated in /proc), joined by spaces.</param>
/// <param name="SocketInodes">Inodes of the <c>socket:[inode]</c> file descriptors.</param>
public sealed record ProcessSnapshot(int Pid, string? Command, string? Executable, string? CommandLine, IReadOnlyList<long> SocketInodes);
