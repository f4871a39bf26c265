using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The per-node digests and versions keep both halves of a digest and its version, through growth.</summary>
public sealed class CiFingerprintsTests
{
    private static readonly UInt128 Digest = new(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210);

    [Fact]
    public void Matches_TheDigestSet_GivesItsVersion_AndNotADigestWithItsHalvesSwapped()
    {
        var fingerprints = new CiFingerprints();
        fingerprints.Set(5, Digest, 7);

        Assert.True(fingerprints.Matches(5, Digest, out var version));
        Assert.Equal(7, version);
        Assert.False(fingerprints.Matches(5, new UInt128(0xFEDC_BA98_7654_3210, 0x0123_4567_89AB_CDEF), out _));
        Assert.False(fingerprints.Matches(5, Digest + 1, out _));
        Assert.False(fingerprints.Matches(4, Digest, out _));
        Assert.False(fingerprints.IsKnown(4));
    }

    [Fact]
    public void Set_BeyondTheCapacity_GrowsAndKeepsWhatWasSet()
    {
        var fingerprints = new CiFingerprints();
        var far = fingerprints.Capacity + 10;
        fingerprints.Set(3, Digest, 2);

        fingerprints.Set(far, Digest ^ 1, long.MaxValue);

        Assert.True(fingerprints.Capacity > far);
        Assert.True(fingerprints.Matches(3, Digest, out var near) && near == 2);
        Assert.True(fingerprints.Matches(far, Digest ^ 1, out var version) && version == long.MaxValue);
        Assert.False(fingerprints.Matches(-1, Digest, out _));
        Assert.False(fingerprints.Matches(int.MaxValue, Digest, out _));
    }

    [Fact]
    public void SetLatest_KeepsTheHighestVersionWhateverTheOrder_AndZeroForgets()
    {
        var fingerprints = new CiFingerprints();
        fingerprints.SetLatest(1, Digest, 4);
        fingerprints.SetLatest(1, Digest + 2, 3);
        Assert.True(fingerprints.Matches(1, Digest, out var version) && version == 4);

        fingerprints.SetLatest(1, Digest + 5, 5);
        Assert.True(fingerprints.Matches(1, Digest + 5, out version) && version == 5);

        fingerprints.Set(1, UInt128.Zero, 0);
        Assert.False(fingerprints.IsKnown(1));
    }
}
