using System.Net;
using Cmdb.Discovery.Sources.LocalHost;
using Xunit;

namespace Cmdb.Discovery.Tests.Sources.LocalHost;

public sealed class ProcNetParserTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    [Fact]
    public void Parse_Ipv4Line_DecodesLittleEndianAddressAndPort()
    {
        var problems = new List<string>();

        var entry = Assert.Single(ProcNetParser.Parse("tcp", Header + "   0: 0100007F:1F90 0900000A:01BB 01 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 20 4 30 10 -1\n", problems));

        Assert.Empty(problems);
        Assert.Equal(IPAddress.Loopback, entry.LocalAddress);
        Assert.Equal(8080, entry.LocalPort);
        Assert.Equal(IPAddress.Parse("10.0.0.9"), entry.RemoteAddress);
        Assert.Equal(443, entry.RemotePort);
        Assert.True(entry.IsEstablished);
        Assert.Equal(4242, entry.Inode);
    }

    [Fact]
    public void Parse_Ipv6Line_DecodesWordOrderAndMapsIpv4()
    {
        var line = "   0: 000080FE00000000FF005452120000FE:0016 0000000000000000FFFF00000100007F:A410 0A 00000000:00000000 00:00000000 00000000     0        0 77 1 0 100 0 0 10 0\n";

        var entry = Assert.Single(ProcNetParser.Parse("tcp6", Header + line, []));

        Assert.Equal(IPAddress.Parse("fe80::5254:ff:fe00:12"), entry.LocalAddress);
        Assert.Equal(IPAddress.Loopback, entry.RemoteAddress);
        Assert.True(entry.IsListening);
    }

    [Theory]
    [InlineData("   0: 0100007F:1F90 00000000:0000 0A")]
    [InlineData("   0: 0100007F 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1")]
    [InlineData("   0: 0100007F:GGGG 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1")]
    [InlineData("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 inode 1")]
    [InlineData("garbage")]
    public void Parse_MalformedLine_IsReportedAndSkipped(string line)
    {
        var problems = new List<string>();

        var entries = ProcNetParser.Parse("tcp", Header + line + "\n   1: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 9 1\n", problems);

        Assert.Equal(22, Assert.Single(entries).LocalPort);
        Assert.Contains("proc/net/tcp line 2 is malformed", Assert.Single(problems), StringComparison.Ordinal);
    }
}
