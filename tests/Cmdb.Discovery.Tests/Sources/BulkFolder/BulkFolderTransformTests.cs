using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.BulkFolder;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Xunit;
using Classes = Cmdb.Domain.Model.WellKnown.Classes;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.BulkFolder;

public sealed class BulkFolderTransformTests
{
    private static ScopeResult Transform(string folder, string file) =>
        BulkFolderTransform.Transform(new BulkFile(file, TestData.PathOf("BulkFolder", folder, file), TestData.Read("BulkFolder", folder, file)));

    private static ScopeResult Csv(string text) => BulkFolderTransform.Transform(new BulkFile("t.csv", "/in/t.csv", text));

    [Fact]
    public void Transform_JsonDocument_ConformsToTheModel()
    {
        var s = Transform("estate", "payments.json");

        ModelConformance.AssertConforms(s);
        Assert.Equal(4, s.Items.Count);
        var service = s.ItemBy(Ids.CmdbKey, "svc-payments");
        Assert.Equal(1, service.Criticality);
        Assert.Equal("payments-oncall", service.SupportGroup);
        Assert.Equal(["pci"], service.Tags!);
        Assert.Equal(CiStatus.Active, s.ItemBy(Ids.Fqdn, "pay-db-01.example.com").Status);
        Assert.True(s.Has(Types.RunsOn, s.ItemBy(Ids.DbKey, "pay-db-01/payments"), s.ItemBy(Ids.Fqdn, "pay-db-01.example.com")));
    }

    [Fact]
    public void Transform_CsvTable_ReadsEveryColumnKind()
    {
        var s = Transform("estate", "servers.csv");

        ModelConformance.AssertConforms(s);
        Assert.Equal(3, s.Items.Count);
        var web2 = s.ItemBy(Ids.Fqdn, "web-02.example.com");
        Assert.Equal(Classes.LinuxServer, web2.Class);
        Assert.Equal("production", web2.Environment);
        Assert.Equal(2, web2.Criticality);
        Assert.Equal("Web team", web2.Owner);
        Assert.Equal(["frontend", "dmz"], web2.Tags!);
        Assert.Equal("CZ1112", web2.Identifiers[Ids.Serial]);
        Assert.Equal("Replaced PSU, 2026-10-02", web2.Attr("notes"));
        var web1 = s.ItemBy(Ids.Fqdn, "web-01.example.com");
        Assert.False(web1.Attributes!.ContainsKey("notes")); // An empty cell is absent, never "".
        var build = s.ItemBy(Ids.Fqdn, "build-01.example.com");
        Assert.Null(build.Criticality);
        Assert.False(build.Identifiers.ContainsKey(Ids.Serial));
        Assert.Equal("Multi-line\r\nnote with \"quotes\"", build.Attr("notes"));
    }

    [Theory]
    [InlineData("unknown-column.csv", "unknown column 'colour'")]
    [InlineData("unbalanced-quote.csv", "line 2: a quoted field is never closed")]
    [InlineData("no-identifier.csv", "line 2 (LinuxServer 'a.example.com') has no identifier value")]
    [InlineData("truncated.json", "not valid JSON")]
    [InlineData("by-id.json", "cis[0] names a CI by its id")]
    public void Transform_BadFile_ThrowsNamingTheFileAndPlace(string file, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => Transform("bad", file));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(file, e.Input, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("class,name\nApplication,a\n", "at least one identifier")]
    [InlineData("class,name,identifier.Bad Scheme\n", "unknown column 'identifier.Bad Scheme'")]
    [InlineData("class,name,identifier.fqdn,name\n", "the column 'name' appears twice")]
    [InlineData("class,name,identifier.fqdn\nLinuxServer,a\n", "line 2 has 2 fields; the header has 3")]
    [InlineData("class,name,identifier.fqdn,criticality\nLinuxServer,a,a,high\n", "line 2: criticality must be a whole number, not 'high'")]
    [InlineData("class,name,identifier.fqdn,criticality\nLinuxServer,a,a,7\n", "criticality must be 1 (most critical) to 4, not 7")]
    [InlineData("class,name,identifier.fqdn,status\nLinuxServer,a,a,broken\n", "status 'broken' is not one of")]
    [InlineData("class,name,identifier.fqdn,environment\nLinuxServer,a,a,Prod Env\n", "environment 'Prod Env' must be lower-case")]
    [InlineData("class,name,identifier.fqdn\nLinuxServer,a,x\nLinuxServer,b,x\n", "lines 2 and 3 both carry the identifier fqdn=x")]
    [InlineData("class,name,identifier.fqdn\nLinuxServer,a\"b,x\n", "line 2: a quote inside an unquoted field")]
    [InlineData("class,name,identifier.fqdn\nLinuxServer,\"a\"b,x\n", "line 2: text after the closing quote")]
    [InlineData("class,name,identifier.fqdn\n,a,x\n", "line 2 has no class")]
    public void Transform_BadCsv_Throws(string csv, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => Csv(csv));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_CsvWithBomAndCaseInsensitiveFixedColumns_Reads()
    {
        var s = Csv("\uFEFFClass,NAME,SupportGroup,identifier.fqdn,attr.rack\nLinuxServer,a.example.com,ops,a.example.com,R1");

        var item = Assert.Single(s.Items);
        Assert.Equal("ops", item.SupportGroup);
        Assert.Equal("R1", item.Attr("rack"));
    }

    [Fact]
    public async Task DiscoverAsync_Folder_EachFileIsAScopeAndBadFilesFailAlone()
    {
        var good = await new BulkFolderSource(new BulkFolderOptions { FolderPath = TestData.PathOf("BulkFolder", "estate") }).DiscoverAsync(CancellationToken.None);
        var bad = await new BulkFolderSource(new BulkFolderOptions { FolderPath = TestData.PathOf("BulkFolder", "bad") }).DiscoverAsync(CancellationToken.None);

        Assert.Equal(["payments.json", "servers.csv"], good.Scopes.Select(s => s.Scope));
        Assert.All(good.Scopes, s => Assert.True(s.Complete));
        Assert.Equal(5, bad.Scopes.Count);
        Assert.All(bad.Scopes, s => Assert.False(s.Complete));
        Assert.All(bad.Scopes, s => Assert.Empty(s.Items));
    }

    [Fact]
    public async Task DiscoverAsync_MissingFolder_Throws()
    {
        var source = new BulkFolderSource(new BulkFolderOptions { FolderPath = TestData.PathOf("BulkFolder", "absent") });

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => source.DiscoverAsync(CancellationToken.None));
    }
}
