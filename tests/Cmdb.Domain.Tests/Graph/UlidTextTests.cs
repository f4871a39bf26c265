using System.Text;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Xunit;

namespace Cmdb.Domain.Tests.Topology;

public class UlidTextTests
{
    [Fact]
    public void TryParse_IdsMadeByUlidNew_FormatBackToTheSameText()
    {
        var at = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2000; i++)
        {
            var id = Ulid.New(at.AddMilliseconds(i * 7919));
            Assert.True(UlidText.TryParse(id, out var fromChars), id);
            Assert.True(UlidText.TryParse(Encoding.UTF8.GetBytes(id), out var fromBytes), id);
            Assert.Equal(fromChars, fromBytes);
            Assert.Equal(id, UlidText.Format(fromChars));
        }
    }

    [Fact]
    public void Format_ExtremeValues_RoundTrip()
    {
        UInt128[] values = [UInt128.Zero, UInt128.One, UInt128.MaxValue, new(ulong.MaxValue, 0), new(0, ulong.MaxValue), new(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)];
        foreach (var value in values)
        {
            var text = UlidText.Format(value);
            Assert.Equal(26, text.Length);
            Assert.True(UlidText.TryParse(text, out var back), text);
            Assert.Equal(value, back);
        }

        Assert.Equal("00000000000000000000000000", UlidText.Format(UInt128.Zero));
        Assert.Equal("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", UlidText.Format(UInt128.MaxValue));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")] // 25 characters
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVV")] // 27
    [InlineData("01arz3ndektsv4rrffq69g5fav")] // lower case: the store would treat it as another id
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAI")] // I, L, O and U are not Crockford digits
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAL")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAO")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAU")]
    [InlineData("81ARZ3NDEKTSV4RRFFQ69G5FAV")] // above 128 bits
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA-")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAé")]
    [InlineData("app-1")]
    public void TryParse_NotCanonicalUlidText_IsFalse(string text)
    {
        Assert.False(UlidText.TryParse(text, out _));
        Assert.False(UlidText.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
