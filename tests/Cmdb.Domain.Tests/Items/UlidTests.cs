using Cmdb.Domain.Items;

namespace Cmdb.Domain.Tests;

public sealed class UlidTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_Is26CrockfordCharacters()
    {
        var id = Ulid.New(At);

        Assert.Equal(26, id.Length);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{26}$", id);
        Assert.True(Ulid.IsValid(id));
    }

    [Fact]
    public void New_EncodesMillisecondsInTheFirstTenCharacters()
    {
        Assert.StartsWith("0000000000", Ulid.New(DateTimeOffset.FromUnixTimeMilliseconds(0)), StringComparison.Ordinal);
        Assert.StartsWith("0000000001", Ulid.New(DateTimeOffset.FromUnixTimeMilliseconds(1)), StringComparison.Ordinal);
        Assert.StartsWith("000000000Z", Ulid.New(DateTimeOffset.FromUnixTimeMilliseconds(31)), StringComparison.Ordinal);
        Assert.StartsWith("0000000010", Ulid.New(DateTimeOffset.FromUnixTimeMilliseconds(32)), StringComparison.Ordinal);
    }

    [Fact]
    public void New_LaterTime_SortsAfter()
    {
        var ids = Enumerable.Range(0, 200).Select(i => Ulid.New(At.AddMilliseconds(i * 37))).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void New_SameMillisecond_GivesDistinctIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Ulid.New(At)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, ids.Count);
        Assert.Single(ids.Select(id => id[..10]).Distinct());
    }

    [Theory]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VN", true)]
    [InlineData("01jdq8z6x4m2t7yh3r9b5kc0vn", true)]
    [InlineData("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", true)]
    [InlineData("8ZZZZZZZZZZZZZZZZZZZZZZZZZ", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0V", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VNX", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VI", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VL", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VO", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0VU", false)]
    [InlineData("01JDQ8Z6X4M2T7YH3R9B5KC0V-", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_ChecksLengthAlphabetAndRange(string? candidate, bool expected)
    {
        Assert.Equal(expected, Ulid.IsValid(candidate));
    }
}
