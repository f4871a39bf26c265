using Cmdb.Discovery.Support;
using Cmdb.Domain.Items;
using Xunit;

namespace Cmdb.Discovery.Tests.Support;

public sealed class NamesTests
{
    [Fact]
    public void Key_TooLong_KeepsTheLimitAndStaysDistinctAndStable()
    {
        var a = new string('a', 600) + "/x";
        var b = new string('a', 600) + "/y";

        Assert.Equal(CiRules.MaxIdentifierValueLength, Names.Key(a).Length);
        Assert.NotEqual(Names.Key(a), Names.Key(b));
        Assert.Equal(Names.Key(a), Names.Key(a));
        Assert.Equal("short", Names.Key("short"));
    }

    [Theory]
    [InlineData("Production", "production")]
    [InlineData(" staging ", "staging")]
    [InlineData("prod env", null)]
    [InlineData(null, null)]
    public void Environment_TagValue_LowerCasedOrDropped(string? tag, string? expected)
    {
        Assert.Equal(expected, Names.Environment(tag));
    }

    [Fact]
    public void Clip_LongNameWithControlCharacters_FitsTheRules()
    {
        var clipped = Names.Clip("a\tb" + new string('x', 300));

        Assert.Equal(CiRules.MaxNameLength, clipped.Length);
        Assert.DoesNotContain(clipped, char.IsControl);
    }
}
