using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Tests;

/// <summary>
/// The attribute size limit is checked against the object's UTF-8 JSON text, but written out only when a cheap bound
/// (six bytes per character of a held string) allows more than the limit: the bound must never let an object over the
/// limit through, whatever its strings escape to.
/// </summary>
public sealed class CiRulesSizeTests
{
    private const int Limit = CiRules.MaxAttributesBytes;

    public static TheoryData<string, JsonNode?> OverTheLimit()
    {
        // Each value makes the whole object {"v":...} one byte over the limit ({"v": and } are 6 bytes).
        return new TheoryData<string, JsonNode?>
        {
            { "plain ASCII", new string('a', Limit - 6 - 2 + 1) },
            { "escaped '<' (\\u003C, six bytes each)", new string('<', (Limit - 6 - 2) / 6 + 1) },
            { "two-byte UTF-8", new string('\u00e9', (Limit - 6 - 2) / 6 + 1) },
            { "surrogate pairs (\\uD83D\\uDE00)", string.Concat(Enumerable.Repeat("\U0001F600", (Limit - 6 - 2) / 12 + 1)) },
            { "parsed string", JsonNode.Parse($"\"{new string('a', Limit - 6 - 2 + 1)}\"") },
            { "number array", new JsonArray([.. Enumerable.Range(0, Limit / 6).Select(i => (JsonNode?)JsonValue.Create(100000 + i))]) },
        };
    }

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public void Validate_ObjectOverTheLimit_IsRefusedWithItsExactSize(string kind, JsonNode? value)
    {
        var attributes = new JsonObject { ["v"] = value };
        var size = System.Text.Encoding.UTF8.GetByteCount(attributes.ToJsonString());
        Assert.True(size > Limit, kind);

        var e = Assert.Throws<CmdbException>(() => CiRules.Validate(new CiFields { Attributes = attributes }, "cis[3]"));

        Assert.Equal($"attributes take {size} bytes; the limit is {Limit}.", e.Message);
        Assert.Equal("cis[3].attributes", e.Path);
    }

    [Fact]
    public void Validate_ObjectJustUnderTheLimit_WithEscapesTheBoundCannotRuleOut_IsAccepted()
    {
        // 6 + 2 + 6n bytes: the bound (6 per character) equals the size, so this is decided by writing it out.
        var attributes = new JsonObject { ["v"] = new string('<', (Limit - 6 - 2) / 6) };

        CiRules.Validate(new CiFields { Attributes = attributes }, null);
    }

    [Fact]
    public void Validate_ManySmallStringsUnderTheLimit_IsAccepted()
    {
        var attributes = new JsonObject();
        for (var i = 0; i < 200; i++) attributes[$"a{i}"] = $"value {i} <&>";

        CiRules.Validate(new CiFields { Attributes = attributes }, null);
    }
}
