using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.LocalHost;
using Cmdb.Discovery.Tests.Support;
using Xunit;
using Classes = Cmdb.Domain.Model.WellKnown.Classes;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.LocalHost;

public sealed class LocalHostTransformTests : IDisposable
{
    private const string MachineId = "4c4c4544003957108052b4c04f4e5a31";
    private readonly FixtureRoot _root = new();

    public void Dispose() => _root.Dispose();

    private LocalHostSnapshot Snapshot() => LocalHostSource.Get(_root.Path, "host:web-01", CancellationToken.None);

    private ScopeResult Fixture(LocalHostOptions? options = null) =>
        LocalHostTransform.Transform(Snapshot(), options ?? new LocalHostOptions { RootPath = _root.Path });

    private static DiscoveredItem Process(ScopeResult s, string suffix) => s.ItemBy(Ids.ProcessKey, $"{MachineId}:{suffix}");

    [Fact]
    public void Transform_FixtureTree_ConformsToTheModel()
    {
        ModelConformance.AssertConforms(Fixture());
    }

    [Fact]
    public void Transform_FixtureTree_DescribesTheHost()
    {
        var host = Fixture().ItemBy(Ids.Fqdn, "web-01.example.com");

        Assert.Equal(Classes.LinuxServer, host.Class);
        Assert.Equal(MachineId, host.Identifiers[Ids.MachineId]);
        Assert.Equal("CZ9X2Y1", host.Identifiers[Ids.Serial]);
        Assert.Equal("debian", host.Attr("os.id"));
        Assert.Equal("12", host.Attr("os.version"));
        Assert.Equal("6.1.0-18-amd64", host.Attr("kernel"));
        Assert.Equal("2", host.Attr("cpuCount"));
        Assert.Equal((32768000L * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), host.Attr("memoryBytes"));
        Assert.Null(host.Attr("virtualization"));
        Assert.Contains("tcp/25", host.Attributes!["listeningPorts"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_HypervisorFlagOrVmVendor_IsAVirtualMachine()
    {
        var snapshot = Snapshot();
        var flagged = snapshot with { CpuInfo = snapshot.CpuInfo!.Replace("apic sep", "apic sep hypervisor", StringComparison.Ordinal), Dmi = new Dictionary<string, string>() };
        var qemu = snapshot with { Dmi = new Dictionary<string, string> { ["sys_vendor"] = "QEMU", ["product_uuid"] = "1B4E28BA-2FA1-11D2-883F-0016D3CCA427", ["product_serial"] = "0" } };

        var flaggedHost = LocalHostTransform.Transform(flagged, new LocalHostOptions()).Items[0];
        var qemuHost = LocalHostTransform.Transform(qemu, new LocalHostOptions()).Items[0];

        Assert.Equal(Classes.VirtualMachine, flaggedHost.Class);
        Assert.Equal("hypervisor", flaggedHost.Attr("virtualization"));
        Assert.Equal(Classes.VirtualMachine, qemuHost.Class);
        Assert.Equal("qemu", qemuHost.Attr("virtualization"));
        Assert.Equal("1b4e28ba-2fa1-11d2-883f-0016d3cca427", qemuHost.Identifiers[Ids.VmUuid]);
        Assert.False(qemuHost.Identifiers.ContainsKey(Ids.Serial));
    }

    [Fact]
    public void Transform_FixtureTree_OneProcessPerListeningProgramRunningOnTheHost()
    {
        var s = Fixture();
        var host = s.ItemBy(Ids.Fqdn, "web-01.example.com");

        var nginx = Process(s, "/usr/sbin/nginx:tcp/80"); // Master and worker share the socket: one CI.
        Assert.Equal("nginx (tcp/80) on web-01.example.com", nginx.Name);
        Assert.Equal("[\"tcp 0.0.0.0:80\"]", nginx.Attributes!["listens"]!.ToJsonString());
        Assert.Equal("[\"tcp [::]:22\"]", Process(s, "/usr/sbin/sshd:tcp/22").Attributes!["listens"]!.ToJsonString());
        Assert.NotNull(Process(s, "/usr/sbin/chronyd:udp/323"));
        Assert.NotNull(Process(s, "/usr/bin/psql"));
        Assert.Equal(6, s.Items.Count(i => i.Class == Classes.Process));
        Assert.All(s.Items.Where(i => i.Class == Classes.Process), p => Assert.True(s.Has(Types.RunsOn, p, host)));
    }

    [Fact]
    public void Transform_EstablishedLocalConnections_ClientDependsOnServer()
    {
        var s = Fixture();
        var nginx = Process(s, "/usr/sbin/nginx:tcp/80");
        var java = Process(s, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java:tcp/8080");
        var postgres = Process(s, "/usr/lib/postgresql/15/bin/postgres:tcp/5432");

        Assert.True(s.Has(Types.DependsOn, nginx, java));
        Assert.True(s.Has(Types.DependsOn, java, postgres));
        Assert.True(s.Has(Types.DependsOn, Process(s, "/usr/bin/psql"), postgres)); // Over an IPv4-mapped IPv6 socket.
        Assert.Equal(3, s.OfType(Types.DependsOn).Count()); // Accepted sides and the remote 10.0.0.9:443 give none.
        Assert.Equal("5432", s.OfType(Types.DependsOn).Single(r => ScopeQueries.Refers(r.Source, java)).Attributes!["port"]!.ToString());
    }

    [Fact]
    public void Transform_MalformedSocketLine_IsSkippedAndTheScopeIncomplete()
    {
        var s = Fixture();

        Assert.False(s.Complete);
        var error = Assert.Single(s.Errors);
        Assert.Contains("proc/net/tcp line 11 is malformed", error, StringComparison.Ordinal);
        Assert.Equal(7, s.Items.Count);
    }

    [Fact]
    public void Transform_CommandLine_OnlyWhenAskedBecauseItMayHoldSecrets()
    {
        var hidden = Fixture();
        var shown = Fixture(new LocalHostOptions { IncludeCommandLine = true });

        Assert.DoesNotContain(hidden.Items, i => i.Attr("commandLine") is not null);
        Assert.Contains("s3cret", Process(shown, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java:tcp/8080").Attr("commandLine"), StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ListenerOnAnEphemeralPort_IsKeyedWithoutThatPort()
    {
        var s = LocalHostTransform.Transform(Snapshot() with { EphemeralPortRange = "8000\t9000\n" }, new LocalHostOptions());

        var java = Process(s, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"); // 8080 is in 8000–9000 here.
        Assert.Equal("java on web-01.example.com", java.Name);
        Assert.Equal("[\"tcp 127.0.0.1:8080\"]", java.Attributes!["listens"]!.ToJsonString());
        Assert.NotNull(Process(s, "/usr/lib/postgresql/15/bin/postgres:tcp/5432"));
        Assert.NotNull(Process(s, "/usr/sbin/sshd:tcp/22")); // 5432 and 22 are not.
        Assert.True(s.Has(Types.DependsOn, Process(s, "/usr/sbin/nginx:tcp/80"), java));
    }

    [Fact]
    public void Transform_UpgradedBinaryShownAsDeleted_KeepsTheProcessKey()
    {
        var snapshot = Snapshot();
        var upgraded = snapshot with
        {
            Processes = snapshot.Processes.Select(p => p.Command == "sshd" ? p with { Executable = p.Executable + " (deleted)" } : p).ToList(),
        };

        var s = LocalHostTransform.Transform(upgraded, new LocalHostOptions());

        Assert.Equal("/usr/sbin/sshd", Process(s, "/usr/sbin/sshd:tcp/22").Attr("executable"));
    }

    [Fact]
    public void Transform_NoHostname_ThrowsBecauseTheHostHasNoIdentity()
    {
        var snapshot = Snapshot() with { Hostname = "  \n" };

        var e = Assert.Throws<DiscoveryFormatException>(() => LocalHostTransform.Transform(snapshot, new LocalHostOptions()));

        Assert.Contains("host name is unknown", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_NoMachineId_IdentifiesByFqdn()
    {
        var s = LocalHostTransform.Transform(Snapshot() with { MachineId = null, HostsFile = null }, new LocalHostOptions());

        var host = s.Items[0];
        Assert.Equal("web-01", host.Identifiers[Ids.Fqdn]);
        Assert.False(host.Identifiers.ContainsKey(Ids.MachineId));
        Assert.All(s.OfType(Types.RunsOn), r => Assert.Equal(new DiscoveredRef(Ids.Fqdn, "web-01"), r.Target));
        ModelConformance.AssertConforms(s);
    }

    [Fact]
    public async Task DiscoverAsync_MissingSocketTable_FailsTheScope()
    {
        File.Delete(Path.Combine(_root.Path, "proc", "net", "tcp"));

        var batch = await new LocalHostSource(new LocalHostOptions { RootPath = _root.Path }).DiscoverAsync(CancellationToken.None);

        var scope = Assert.Single(batch.Scopes);
        Assert.Equal("host:web-01", scope.Scope);
        Assert.False(scope.Complete);
        Assert.Empty(scope.Items);
        Assert.Contains("proc/net/tcp cannot be read", scope.Errors.Single(), StringComparison.Ordinal);
    }
}
