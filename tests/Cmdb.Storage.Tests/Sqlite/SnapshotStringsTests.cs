using System.Text;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The shared short-text table keeps the last two texts of each slot pair: two texts whose hashes meet (the hash is
/// seeded per process, so every process has such pairs among a snapshot's texts) are both shared, instead of replacing
/// each other on every read (session 13: a snapshot test failed in the processes where two of its texts met).
/// </summary>
public sealed class SnapshotStringsTests
{
    [Fact]
    public void Get_TwoTextsOfOnePair_ReadInTurns_AreBothShared()
    {
        var (a, b) = TwoTextsOfOnePair();

        // Other tests read snapshots on other threads and may put a third text into the pair between two reads: a new
        // string then, never a wrong one; so the turns are tried a few times. A table keeping one text per slot fails
        // every attempt, as the two texts replace each other.
        var shared = Enumerable.Range(0, 10).Any(_ =>
        {
            var a1 = SnapshotStrings.Get(a);
            var b1 = SnapshotStrings.Get(b);
            var a2 = SnapshotStrings.Get(a);
            var b2 = SnapshotStrings.Get(b);
            Assert.Equal(Encoding.ASCII.GetString(a), a2);
            Assert.Equal(Encoding.ASCII.GetString(b), b2);
            return ReferenceEquals(a1, a2) && ReferenceEquals(b1, b2);
        });

        Assert.True(shared, "two texts of one slot pair replaced each other on every read");
    }

    [Fact]
    public void Get_LongOrNonAsciiText_IsNotShared()
    {
        Assert.Null(SnapshotStrings.Get(Encoding.UTF8.GetBytes(new string('x', SnapshotStrings.MaxLength + 1))));
        Assert.Null(SnapshotStrings.Get(Encoding.UTF8.GetBytes("größe")));
    }

    /// <summary>Two distinct texts that land on the same slot pair in this process (found by trying; the hash is the table's).</summary>
    private static (byte[] A, byte[] B) TwoTextsOfOnePair()
    {
        var seen = new Dictionary<int, byte[]>();
        for (var i = 0; ; i++)
        {
            var text = Encoding.ASCII.GetBytes($"pair-test-{i}");
            var hash = new HashCode();
            hash.AddBytes(text);
            var pair = hash.ToHashCode() & (SnapshotStrings.Slots - 2);
            if (seen.TryGetValue(pair, out var first)) return (first, text);
            seen[pair] = text;
        }
    }
}
