using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Storage.Sqlite.Internal;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A creation is merged by <see cref="CiMerge.Create"/> (no change list) and audited as "see version 1"
/// (<see cref="CreationAudit"/>): both must give exactly what <see cref="CiMerge.Apply"/> and the stored change array gave.
/// </summary>
public sealed class CreationAuditTests
{
    private static readonly Lazy<ModelCatalog> SeedModel = new(() => ModelLoader.Load(RepoPaths.SeedModel));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Someone = new(ActorKind.User, "ada");

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Create_VariedFields_SameSnapshotAsApply(int seed)
    {
        var (ciClass, fields) = CreationAuditFields.Random(SeedModel.Value, seed);

        var applied = CiMerge.Apply(SeedModel.Value, ciClass, null, "01J0000000000000000000000A", fields, Someone, Now, null).Ci;
        var created = CiMerge.Create(SeedModel.Value, ciClass, "01J0000000000000000000000A", fields, Someone, Now, null);

        Assert.Equal(Snapshot(applied), Snapshot(created));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Expand_VariedCreations_SameChangesAsTheStoredArray(int seed)
    {
        var (ciClass, fields) = CreationAuditFields.Random(SeedModel.Value, seed);
        var merged = CiMerge.Apply(SeedModel.Value, ciClass, null, "01J0000000000000000000000A", fields, Someone, Now, null);
        var buffer = new ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer);
        var stored = AuditJson.Read(Encoding.UTF8.GetString(AuditJson.Write(merged.Changes, w, buffer).Span), merged.Ci.Id, null);

        var expanded = CreationAudit.Expand(Snapshot(merged.Ci));

        Assert.Equal(Describe(stored), Describe(expanded));
    }

    [Fact]
    public void Expand_EveryKindOfField_ListsThemInMergeOrder()
    {
        var fields = new CiFields
        {
            Name = "db",
            Status = CiStatus.Planned,
            Environment = "prod",
            Criticality = 2,
            Owner = "ann",
            SupportGroup = "dba",
            MinHealthy = 1,
            Tags = ["b", "a", "b"],
            Attributes = new JsonObject { ["engine"] = "pg", ["Size"] = 1.50m, ["gone"] = null },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = "db.x", [WellKnown.Identifiers.CmdbKey] = "k" },
        };
        var ci = CiMerge.Create(SeedModel.Value, SeedModel.Value.GetClass("Database"), "01J0000000000000000000000A", fields, Someone, Now, null);

        var changes = CreationAudit.Expand(Snapshot(ci));

        Assert.Equal(
            [
                "class: null -> \"Database\"", "name: null -> \"db\"", "status: null -> \"planned\"", "environment: null -> \"prod\"",
                "criticality: null -> 2", "owner: null -> \"ann\"", "supportGroup: null -> \"dba\"", "minHealthy: null -> 1",
                "tags: [] -> [\"a\",\"b\"]", "attributes.Size: null -> 1.50", "attributes.engine: null -> \"pg\"",
                "identifiers.cmdb.key: null -> \"k\"", "identifiers.fqdn: null -> \"db.x\"",
            ],
            Describe(changes));
    }

    [Theory]
    [InlineData("abstract")]
    [InlineData("no name")]
    [InlineData("required attribute")]
    [InlineData("criticality")]
    [InlineData("environment")]
    [InlineData("tag")]
    [InlineData("identifier scheme")]
    public void Create_BadInput_SameErrorAsApply(string bad)
    {
        var model = SeedModel.Value;
        var (className, fields) = bad switch
        {
            "abstract" => ("DataStore", new CiFields { Name = "x" }),
            "no name" => (WellKnown.Classes.Application, new CiFields { Owner = "ann" }),
            "required attribute" => ("Database", new CiFields { Name = "db" }),
            "criticality" => (WellKnown.Classes.Application, new CiFields { Name = "x", Criticality = 9 }),
            "environment" => (WellKnown.Classes.Application, new CiFields { Name = "x", Environment = "Prod Env" }),
            "tag" => (WellKnown.Classes.Application, new CiFields { Name = "x", Tags = [new string('t', 200)] }),
            _ => (WellKnown.Classes.Application, new CiFields { Name = "x", Identifiers = new Dictionary<string, string> { ["Bad Scheme"] = "v" } }),
        };
        var ciClass = model.GetClass(className);

        var fromApply = Assert.Throws<CmdbException>(() => CiMerge.Apply(model, ciClass, null, "id", fields, Someone, Now, "cis[3]"));
        var fromCreate = Assert.Throws<CmdbException>(() => CiMerge.Create(model, ciClass, "id", fields, Someone, Now, "cis[3]"));

        Assert.Equal((fromApply.Code, fromApply.Message, fromApply.Path), (fromCreate.Code, fromCreate.Message, fromCreate.Path));
    }

    [Fact]
    public void Read_Marker_IsPendingAndAnArrayReadsAsBefore()
    {
        Assert.Same(CreationAudit.Pending, CreationAudit.Read(CreationAudit.Marker, "a", null));
        var array = CreationAudit.Read("""[{"field":"name","before":"x","after":"y"}]""", "a", null);
        Assert.Equal(["name: \"x\" -> \"y\""], Describe(array));
    }

    internal static string Snapshot(ConfigurationItem ci) => StoredSnapshot.Text(ci);

    internal static List<string> Describe(IEnumerable<FieldChange> changes) =>
        [.. changes.Select(c => $"{c.Field}: {Text(c.Before)} -> {Text(c.After)}")];

    private static string Text(JsonNode? node) => node is null ? "null" : $"{node.ToJsonString()}";
}
