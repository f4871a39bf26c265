using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Tests;

public sealed class CiMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddHours(1);
    private static readonly Actor Alice = new(ActorKind.User, "alice");
    private static readonly Actor Scanner = new(ActorKind.Discovery, "vcenter", "run-7");
    private readonly ModelCatalog _model = TestModel.Load();

    private CiMerge.Result Apply(string cls, ConfigurationItem? existing, CiFields fields, Actor? actor = null, DateTimeOffset? now = null) =>
        CiMerge.Apply(_model, _model.GetClass(cls), existing, existing?.Id ?? "01JDQ8Z6X4M2T7YH3R9B5KC0VN", fields, actor ?? Alice, now ?? T0, "cis[0]");

    private ConfigurationItem Server() => Apply("LinuxServer", null, new CiFields
    {
        Name = "web-01",
        Attributes = new JsonObject { ["os"] = "linux", ["cpu"] = 8, ["memoryGb"] = 32 },
        Identifiers = new Dictionary<string, string> { ["serial"] = "X1" },
        Tags = ["web", "prod", "web"],
    }).Ci;

    [Fact]
    public void Apply_Create_StampsEverythingAndStartsAtVersionOne()
    {
        var r = Apply("LinuxServer", null, new CiFields { Name = "web-01", Attributes = new JsonObject { ["os"] = "linux" } });

        Assert.Equal(1, r.Ci.Version);
        Assert.Equal(CiStatus.Active, r.Ci.Status);
        Assert.Equal(T0, r.Ci.CreatedAt);
        Assert.Equal(T0, r.Ci.UpdatedAt);
        Assert.Equal("class", r.Changes[0].Field);
        Assert.Equal(new AttributeProvenance("user:alice", T0), r.Ci.Provenance["name"]);
        Assert.Equal(new AttributeProvenance("user:alice", T0), r.Ci.Provenance["attributes.os"]);
        Assert.False(r.Ci.Provenance.ContainsKey("class"));
    }

    [Fact]
    public void Apply_CreateWithoutName_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() => Apply("Application", null, new CiFields { Owner = "team" }));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("cis[0].name", e.Path);
    }

    [Fact]
    public void Apply_AbstractClass_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() => Apply("Computer", null, new CiFields { Name = "x" }));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Equal("cis[0].class", e.Path);
        Assert.Contains("abstract", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ClassChange_IsRefused()
    {
        var server = Server();

        var e = Assert.Throws<CmdbException>(() =>
            CiMerge.Apply(_model, _model.GetClass("VirtualMachine"), server, server.Id, new CiFields { Name = "web-01" }, Alice, T1, "cis[0]"));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Contains("cannot change", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MissingRequiredAttribute_IncludingInherited_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() =>
            Apply("PostgresDatabase", null, new CiFields { Name = "db", Attributes = new JsonObject { ["version"] = "16" } }));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Equal("cis[0].attributes.engine", e.Path);
    }

    [Fact]
    public void Apply_RemovingRequiredAttribute_IsRefused()
    {
        var e = Assert.Throws<CmdbException>(() => Apply("LinuxServer", Server(), new CiFields { Attributes = new JsonObject { ["os"] = null } }));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
    }

    [Fact]
    public void Apply_Attributes_MergeKeyByKeyAndNullRemoves()
    {
        var server = Server();

        var r = Apply("LinuxServer", server, new CiFields { Attributes = new JsonObject { ["cpu"] = 16, ["memoryGb"] = null, ["rack"] = "R01" } }, Scanner, T1);

        Assert.Equal("""{"cpu":16,"os":"linux","rack":"R01"}""", Sorted(r.Ci.Attributes));
        Assert.Equal(["attributes.cpu", "attributes.memoryGb", "attributes.rack"], r.Changes.Select(c => c.Field));
        Assert.False(r.Ci.Provenance.ContainsKey("attributes.memoryGb"));
        Assert.Equal("""{"cpu":8,"memoryGb":32,"os":"linux"}""", Sorted(server.Attributes));
    }

    [Fact]
    public void Apply_Update_StampsOnlyChangedFields()
    {
        var server = Server();

        var r = Apply("LinuxServer", server, new CiFields { Name = "web-01", Criticality = 2, Attributes = new JsonObject { ["os"] = "linux", ["cpu"] = 12 } }, Scanner, T1);

        var stamp = new AttributeProvenance("discovery:vcenter", T1);
        Assert.Equal(stamp, r.Ci.Provenance["criticality"]);
        Assert.Equal(stamp, r.Ci.Provenance["attributes.cpu"]);
        Assert.Equal(new AttributeProvenance("user:alice", T0), r.Ci.Provenance["name"]);
        Assert.Equal(new AttributeProvenance("user:alice", T0), r.Ci.Provenance["attributes.os"]);
        Assert.Equal(2, r.Ci.Version);
        Assert.Equal(T0, r.Ci.CreatedAt);
        Assert.Equal(T1, r.Ci.UpdatedAt);
    }

    [Fact]
    public void Apply_NoChanges_ReturnsTheSameCi()
    {
        var server = Server();

        var r = Apply("LinuxServer", server, new CiFields
        {
            Name = "web-01",
            Tags = ["prod", "web"],
            Attributes = new JsonObject { ["os"] = "linux", ["absent"] = null },
            Identifiers = new Dictionary<string, string> { ["serial"] = "X1" },
        }, Scanner, T1);

        Assert.Same(server, r.Ci);
        Assert.Empty(r.Changes);
    }

    [Fact]
    public void Apply_Tags_AreSortedAndUnique()
    {
        Assert.Equal(["prod", "web"], Server().Tags);
    }

    [Fact]
    public void Apply_Identifiers_MergeAndRecordChanges()
    {
        var r = Apply("LinuxServer", Server(), new CiFields { Identifiers = new Dictionary<string, string> { ["fqdn"] = "web-01.example" } });

        Assert.Equal(["fqdn", "serial"], r.Ci.Identifiers.Keys);
        Assert.Equal("identifiers.fqdn", Assert.Single(r.Changes).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Apply_CriticalityOutOfRange_IsRefused(int criticality)
    {
        var e = Assert.Throws<CmdbException>(() => Apply("Application", null, new CiFields { Name = "a", Criticality = criticality }));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("cis[0].criticality", e.Path);
    }

    [Theory]
    [InlineData("FQDN")]
    [InlineData("1st")]
    [InlineData("has space")]
    [InlineData("")]
    public void Apply_BadIdentifierScheme_IsRefused(string scheme)
    {
        var e = Assert.Throws<CmdbException>(() =>
            Apply("Application", null, new CiFields { Name = "a", Identifiers = new Dictionary<string, string> { [scheme] = "v" } }));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.StartsWith("cis[0].identifiers.", e.Path, StringComparison.Ordinal);
    }

    private static string Sorted(JsonObject o) =>
        new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
