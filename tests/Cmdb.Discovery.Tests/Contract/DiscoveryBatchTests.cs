using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Discovery.Tests.Contract;

public sealed class DiscoveryBatchTests
{
    private static readonly DiscoveredItem Web = new("Process", "web", new Dictionary<string, string> { ["process.key"] = "h:web" }, new JsonObject { ["port"] = 80 })
    {
        Environment = "production",
        Status = CiStatus.Active,
        Criticality = 2,
        Owner = "web team",
        SupportGroup = "web-oncall",
        Tags = ["edge"],
    };

    private static readonly DiscoveredItem Db = new("Database", "db", new Dictionary<string, string> { ["db.key"] = "h/db" }, new JsonObject { ["engine"] = "postgresql" });

    [Fact]
    public void ToWriteBatch_TwoScopes_ItemsFirstThenRelationshipsByIdentifier()
    {
        var batch = DiscoveryBatch.Of(
            ScopeResult.Completed("a", [Web], [new DiscoveredRelationship("DEPENDS_ON", Web.RefBy("process.key"), Db.RefBy("db.key"), new JsonObject { ["port"] = 5432 })]),
            ScopeResult.Completed("b", [Db], []));

        var ops = batch.ToWriteBatch().Operations;

        Assert.Collection(
            ops,
            op =>
            {
                var ci = Assert.IsType<UpsertCi>(op);
                Assert.Null(ci.Id);
                Assert.Equal("Process", ci.Class);
                Assert.Equal("web", ci.Fields.Name);
                Assert.Equal("production", ci.Fields.Environment);
                Assert.Equal(CiStatus.Active, ci.Fields.Status);
                Assert.Equal(2, ci.Fields.Criticality);
                Assert.Equal("web team", ci.Fields.Owner);
                Assert.Equal("web-oncall", ci.Fields.SupportGroup);
                Assert.Equal(["edge"], ci.Fields.Tags!);
                Assert.Equal("h:web", ci.Fields.Identifiers!["process.key"]);
                Assert.Equal(80, (int)ci.Fields.Attributes!["port"]!);
                Assert.Equal("a:items[0]", ci.Path);
            },
            op => Assert.Equal("b:items[0]", op.Path),
            op =>
            {
                var r = Assert.IsType<UpsertRelationship>(op);
                Assert.Equal("DEPENDS_ON", r.Type);
                Assert.Equal(CiRef.ByIdentifier("process.key", "h:web"), r.Source);
                Assert.Equal(CiRef.ByIdentifier("db.key", "h/db"), r.Target);
                Assert.Equal(5432, (int)r.Attributes!["port"]!);
                Assert.Equal("a:relationships[0]", r.Path);
            });
    }

    [Fact]
    public void ToWriteBatch_AttributesAreCopied_SoTheStoreCannotChangeTheDiscoveredItem()
    {
        var ci = (UpsertCi)DiscoveryBatch.Of(ScopeResult.Completed("a", [Web], [])).ToWriteBatch().Operations[0];

        ci.Fields.Attributes!["port"] = 81;

        Assert.Equal(80, (int)Web.Attributes!["port"]!);
    }

    [Fact]
    public void ToWriteBatch_FailedScope_ContributesNothing()
    {
        var batch = DiscoveryBatch.Of(ScopeResult.Failed("a", "a: broken"));

        Assert.Empty(batch.ToWriteBatch().Operations);
        Assert.False(batch.Scopes[0].Complete);
    }

    [Fact]
    public void RefBy_SchemeTheItemLacks_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Web.RefBy("fqdn"));
    }
}
