using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.Compose;
using Cmdb.Discovery.Tests.Support;
using Xunit;
using Classes = Cmdb.Domain.Model.WellKnown.Classes;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.Compose;

public sealed class ComposeTransformTests
{
    private static readonly string ShopFile = TestData.PathOf("Compose", "shop", "docker-compose.yml");

    private static ScopeResult Shop(string? project = null) => ComposeTransform.Transform(new ComposeRaw(ShopFile, project, File.ReadAllText(ShopFile)));

    private static DiscoveredItem Service(ScopeResult s, string name, string project = "shop") => s.ItemBy(Ids.InstanceKey, $"compose:{project}/{name}");

    [Fact]
    public void Transform_ShopStack_ConformsToTheModel()
    {
        ModelConformance.AssertConforms(Shop());
    }

    [Fact]
    public void Transform_ShopStack_ServicesAreApplicationInstancesNamedByProjectFolder()
    {
        var s = Shop();

        Assert.Equal(5, s.Items.Count(i => i.Class == Classes.ApplicationInstance));
        var web = Service(s, "web");
        Assert.Equal("shop/web", web.Name);
        Assert.Equal("nginx:1.27-alpine", web.Attr("image"));
        Assert.Equal("[\"80:80\",\"8443:443/tcp\"]", web.Attributes!["ports"]!.ToJsonString());
        Assert.Equal("[\"./nginx.conf:/etc/nginx/nginx.conf\"]", web.Attributes["bindMounts"]!.ToJsonString());
        var checkout = Service(s, "checkout");
        Assert.Equal("./checkout", checkout.Attr("build"));
        Assert.Equal("2", checkout.Attr("replicas"));
        Assert.Equal("[\"front\",\"back\"]", checkout.Attributes!["networks"]!.ToJsonString());
        Assert.Null(checkout.Attr("environment")); // Environment variables carry secrets; never copied.
        Assert.Equal("always", Service(s, "worker").Attr("restart")); // From the merge key.
    }

    [Fact]
    public void Transform_DependsOnListMapAndLinks_BecomeDependsOn()
    {
        var s = Shop();

        Assert.True(s.Has(Types.DependsOn, Service(s, "web"), Service(s, "checkout")));
        Assert.True(s.Has(Types.DependsOn, Service(s, "checkout"), Service(s, "db")));
        Assert.True(s.Has(Types.DependsOn, Service(s, "checkout"), Service(s, "cache")));
        Assert.True(s.Has(Types.DependsOn, Service(s, "worker"), Service(s, "db")));
        Assert.True(s.Has(Types.DependsOn, Service(s, "worker"), Service(s, "cache")));
        var healthy = s.OfType(Types.DependsOn).Single(r => ScopeQueries.Refers(r.Target, Service(s, "db")) && ScopeQueries.Refers(r.Source, Service(s, "checkout")));
        Assert.Equal("service_healthy", healthy.Attributes!["condition"]!.ToString());
        Assert.Equal(5, s.OfType(Types.DependsOn).Count());
    }

    [Fact]
    public void Transform_NamedVolumes_AreStorageVolumesUsedByTheirServices()
    {
        var s = Shop();
        var pgdata = s.ItemBy(Ids.VolumeId, "docker:shop_pgdata");
        var assets = s.ItemBy(Ids.VolumeId, "docker:shop-static-assets");

        Assert.Equal(Classes.StorageVolume, pgdata.Class);
        Assert.True(s.Has(Types.UsesStorage, Service(s, "db"), pgdata));
        Assert.True(s.Has(Types.UsesStorage, Service(s, "cache"), s.ItemBy(Ids.VolumeId, "docker:shop_redisdata")));
        Assert.True(s.Has(Types.UsesStorage, Service(s, "web"), assets));
        Assert.Equal("true", assets.Attr("external"));
        Assert.Equal(3, s.OfType(Types.UsesStorage).Count());
    }

    [Fact]
    public void Transform_ProjectNameOption_WinsOverTheFolder()
    {
        var s = Shop("Shop-Staging");

        Assert.Equal("shop-staging/web", Service(s, "web", "shop-staging").Name);
    }

    [Theory]
    [InlineData("malformed.yml", "not valid YAML at line")]
    [InlineData("unknown-dependency.yml", "service 'api' depends on 'ledger', which is not a service of this file")]
    [InlineData("undeclared-volume.yml", "mounts volume 'dbdata', which the top-level 'volumes:' does not declare")]
    public void Transform_MalformedFile_ThrowsNamingTheFile(string file, string expected)
    {
        var path = TestData.PathOf("Compose", file);

        var e = Assert.Throws<DiscoveryFormatException>(() => ComposeTransform.Transform(new ComposeRaw(path, null, File.ReadAllText(path))));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("- a\n- b\n", "the top level must be a mapping")]
    [InlineData("web:\n  image: nginx\n", "no 'services' mapping")]
    [InlineData("services:\n  web: [nginx]\n", "service 'web' (line 2) must be a mapping")]
    public void Transform_WrongShape_Throws(string yaml, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => ComposeTransform.Transform(new ComposeRaw("/srv/app/compose.yaml", null, yaml)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverAsync_GoodAndMalformedFiles_OnlyTheGoodScopeCompletes()
    {
        var source = new ComposeSource(new ComposeOptions
        {
            Files = [new ComposeFile { Path = ShopFile }, new ComposeFile { Path = TestData.PathOf("Compose", "malformed.yml") }],
        });

        var batch = await source.DiscoverAsync(CancellationToken.None);

        Assert.True(batch.Scopes[0].Complete);
        Assert.Equal(8, batch.Scopes[0].Items.Count);
        Assert.False(batch.Scopes[1].Complete);
        Assert.Empty(batch.Scopes[1].Items);
    }
}
