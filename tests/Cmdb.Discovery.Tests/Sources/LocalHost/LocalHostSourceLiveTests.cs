using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Cmdb.Discovery.Sources.LocalHost;
using Cmdb.Discovery.Tests.Support;
using Xunit;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.LocalHost;

/// <summary>Runs the source against this machine's real /proc with a real listener and a real connection.</summary>
public sealed class LocalHostSourceLiveTests
{
    private const string Listener =
        "import socket, sys\n" +
        "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n" +
        "print(s.getsockname()[1], flush=True)\n" +
        "c, _ = s.accept()\n" +
        "sys.stdin.read()\n";

    [Fact]
    public async Task DiscoverAsync_ThisProcessConnectedToAChildListener_FindsTheDependency()
    {
        using var python = Process.Start(new ProcessStartInfo("python3", ["-c", Listener])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            // A guard against a child that never starts, not a timing assertion.
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var port = int.Parse((await python.StandardOutput.ReadLineAsync(guard.Token))!, CultureInfo.InvariantCulture);
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);

            var batch = await new LocalHostSource(new LocalHostOptions()).DiscoverAsync(CancellationToken.None);

            var scope = Assert.Single(batch.Scopes);
            Assert.NotEmpty(scope.Items);
            ModelConformance.AssertConforms(scope);
            var server = Assert.Single(scope.Items, i => i.Attributes?["listens"]?.ToJsonString().Contains($"\"tcp 127.0.0.1:{port}\"", StringComparison.Ordinal) == true);
            Assert.Contains("python", server.Attr("executable"), StringComparison.Ordinal);
            var hostKey = scope.Items[0].Identifiers.GetValueOrDefault(Ids.MachineId) ?? scope.Items[0].Identifiers[Ids.Fqdn];
            Assert.StartsWith(hostKey + ":", server.Identifiers[Ids.ProcessKey], StringComparison.Ordinal);
            // Other programs on this machine may share the server's key (same executable, no fixed port); the edge
            // from this test process is the one that must be there.
            var ours = new FileInfo("/proc/self/exe").LinkTarget;
            var edge = Assert.Single(
                scope.OfType(Types.DependsOn),
                r => ScopeQueries.Refers(r.Target, server) && scope.Items.Any(i => ScopeQueries.Refers(r.Source, i) && i.Attr("executable") == ours));
            var clientItem = scope.Items.Single(i => ScopeQueries.Refers(edge.Source, i));
            Assert.True(scope.Has(Types.RunsOn, clientItem, scope.Items[0]));
            Assert.True(scope.Has(Types.RunsOn, server, scope.Items[0]));
        }
        finally
        {
            python.StandardInput.Close();
            if (!python.WaitForExit(5000)) python.Kill();
        }
    }
}
