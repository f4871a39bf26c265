using System.Text.Json.Nodes;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>A real run checks writes with <see cref="WriteChecks"/> instead of a full merge: both must refuse alike.</summary>
public sealed class WriteChecksTests
{
    private static readonly ModelCatalog Model = ModelConformance.Model;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases() =>
    [
        "create without required attribute", "create with a bad environment", "create of an abstract class", "create without a name",
        "create with a bad identifier", "update removing a required attribute", "update changing the class", "valid create", "valid update",
        "update adding other attributes",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EnsureValid_SameWriteAsCiMerge_RefusesWithTheSameErrorOrAccepts(string name)
    {
        var (ciClass, existing, fields) = Case(name);

        var merge = Record.Exception(() => CiMerge.Apply(Model, ciClass, existing, existing?.Id ?? "new", fields, Actor.System, Now, "dc1:items[0]"));
        var check = Record.Exception(() => WriteChecks.EnsureValid(Model, ciClass, existing, fields, "dc1:items[0]"));

        if (name.StartsWith("valid", StringComparison.Ordinal) || name.StartsWith("update adding", StringComparison.Ordinal))
        {
            Assert.Null(merge);
            Assert.Null(check);
            return;
        }

        var expected = Assert.IsType<CmdbException>(merge);
        var actual = Assert.IsType<CmdbException>(check);
        Assert.Equal((expected.Code, expected.Message), (actual.Code, actual.Message));
    }

    private static (CiClass, ConfigurationItem?, CiFields) Case(string name)
    {
        var database = Model.GetClass(WellKnown.Classes.Database);
        var stored = CiMerge.Apply(Model, database, null, "01JDCMDBTESTCI000000000001",
            new CiFields { Name = "db", Attributes = new JsonObject { ["engine"] = "pg" } }, Actor.System, Now, null).Ci;
        return name switch
        {
            "create without required attribute" => (database, null, new CiFields { Name = "db", Attributes = new JsonObject { ["size"] = 3 } }),
            "create with a bad environment" => (database, null, new CiFields { Name = "db", Environment = "Prod!", Attributes = Engine() }),
            "create of an abstract class" => (Model.GetClass(WellKnown.Classes.Computer), null, new CiFields { Name = "c" }),
            "create without a name" => (database, null, new CiFields { Attributes = Engine() }),
            "create with a bad identifier" => (database, null, new CiFields
            {
                Name = "db", Attributes = Engine(), Identifiers = new Dictionary<string, string> { ["Bad Scheme"] = "x" },
            }),
            "update removing a required attribute" => (database, stored, new CiFields { Attributes = new JsonObject { ["engine"] = null } }),
            "update changing the class" => (Model.GetClass(WellKnown.Classes.Cache), stored, new CiFields { Name = "cache" }),
            "valid create" => (database, null, new CiFields { Name = "db", Attributes = Engine() }),
            "valid update" => (database, stored, new CiFields { Owner = "team-a" }),
            "update adding other attributes" => (database, stored, new CiFields { Attributes = new JsonObject { ["size"] = 3 } }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        static JsonObject Engine() => new() { ["engine"] = "pg" };
    }
}
