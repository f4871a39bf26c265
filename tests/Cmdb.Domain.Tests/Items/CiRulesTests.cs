using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Tests;

public sealed class CiRulesTests
{
    public static TheoryData<string, CiFields> BadFields => new()
    {
        { "x.name", new CiFields { Name = new string('n', CiRules.MaxNameLength + 1) } },
        { "x.name", new CiFields { Name = "tab\there" } },
        { "x.name", new CiFields { Name = "" } },
        { "x.name", new CiFields { Name = "lone \ud800 high" } },
        { "x.owner", new CiFields { Owner = "\udc00 lone low" } },
        { "x.tag", new CiFields { Tags = ["ends high \ud83d"] } },
        { "x.environment", new CiFields { Environment = "Prod" } },
        { "x.environment", new CiFields { Environment = "-prod" } },
        { "x.owner", new CiFields { Owner = new string('o', CiRules.MaxTextLength + 1) } },
        { "x.supportGroup", new CiFields { SupportGroup = " " } },
        { "x.minHealthy", new CiFields { MinHealthy = CiRules.MaxMinHealthy + 1 } },
        { "x.tags", new CiFields { Tags = Enumerable.Range(0, CiRules.MaxTags + 1).Select(i => $"t{i}").ToArray() } },
        { "x.tag", new CiFields { Tags = [new string('t', CiRules.MaxTagLength + 1)] } },
        { "x.attributes", new CiFields { Attributes = new JsonObject { ["9lives"] = 1 } } },
        { "x.attributes", new CiFields { Attributes = new JsonObject { ["big"] = new string('b', CiRules.MaxAttributesBytes) } } },
        { "x.identifiers.serial", new CiFields { Identifiers = new Dictionary<string, string> { ["serial"] = " " } } },
        { "x.identifiers.serial", new CiFields { Identifiers = new Dictionary<string, string> { ["serial"] = "SN\ud800" } } },
        { "x.identifiers.serial", new CiFields { Identifiers = new Dictionary<string, string> { ["serial"] = new string('s', CiRules.MaxIdentifierValueLength + 1) } } },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Validate_ValueOutsideLimits_IsRefusedNamingTheField(string path, CiFields fields)
    {
        var e = Assert.Throws<CmdbException>(() => CiRules.Validate(fields, "x"));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Validate_ValuesAtTheLimits_AreAccepted()
    {
        CiRules.Validate(new CiFields
        {
            Name = new string('n', CiRules.MaxNameLength - 2) + "\ud83d\ude00", // a surrogate pair is text
            Environment = "prod_eu-1",
            Criticality = 4,
            MinHealthy = CiRules.MaxMinHealthy,
            Tags = Enumerable.Range(0, CiRules.MaxTags).Select(i => $"t{i}").ToArray(),
            Attributes = new JsonObject { ["_private.x-y"] = 1 },
            Identifiers = new Dictionary<string, string> { ["a.b_c-d"] = new string('v', CiRules.MaxIdentifierValueLength) },
        }, null);
    }

    [Fact]
    public void Validate_WithoutPath_NamesTheFieldAlone()
    {
        var e = Assert.Throws<CmdbException>(() => CiRules.Validate(new CiFields { Criticality = 9 }, null));

        Assert.Equal("criticality", e.Path);
        Assert.Contains("not 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateIdentifier_LongScheme_IsShortenedInTheMessage()
    {
        var scheme = new string('a', 5000);

        var e = Assert.Throws<CmdbException>(() => CiRules.ValidateIdentifier(scheme, "v", null));

        Assert.True(e.Message.Length < 300);
    }
}
