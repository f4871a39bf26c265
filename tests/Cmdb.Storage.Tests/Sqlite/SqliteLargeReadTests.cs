using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A large current read (discovery reads every CI it is about to update, 5,000 at a time) hands its ids to SQLite as a
/// JSON array written as UTF-8 into a buffer the thread keeps, and fills a map sized for them: what it allocates beyond
/// the snapshots themselves stays small, and any id, escaped or not, is still looked up exactly.
/// </summary>
public sealed class SqliteLargeReadTests : SqliteFileTests
{
    private const int Cis = 1200; // above the size from which a read is kept for the writer

    [Fact]
    public async Task GetCis_OfALargeChunk_AllocatesLittleBeyondTheSnapshotsItReads()
    {
        var ids = await SeedAsync();
        await using var store = await OpenAsync();
        var warm = await store.GetCisAsync(ids, null, CancellationToken.None); // jitted, buffers grown, kept reads in place
        var snapshots = ids.Select(id => StoredSnapshot.Bytes(warm[id])).ToArray();
        for (var i = 0; i < 3; i++) CiJsonReader.Read(snapshots[i]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in snapshots) CiJsonReader.Read(s);
        var parsing = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var pending = store.GetCisAsync(ids, null, CancellationToken.None);
        var reading = GC.GetAllocatedBytesForCurrentThread() - before;

        // Done on this thread before it returned: a pooled reader opens without waiting, and the read never awaits.
        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(Cis, (await pending).Count);
        Assert.True(reading >= parsing, $"the read allocated {reading} bytes, less than parsing its snapshots ({parsing}): it ran elsewhere");
        var beyond = (reading - parsing) / Cis;
        // The map of results and the kept reads, about 130 bytes per CI. The ids as a string (a growing buffer, the
        // string, its UTF-8 copy) and a map grown from empty added about 350 more.
        Assert.True(beyond < 250, $"the read allocated {beyond} bytes per CI beyond its snapshots");
    }

    [Fact]
    public async Task GetCis_IdsThatJsonEscapes_AreLookedUpExactly()
    {
        var ids = await SeedAsync();
        await using var store = await OpenAsync();
        string[] odd = ["quote\"d", "back\\slash", "tab\tand\nnewline", "Zürich-ü", "emoji-\ud83d\ude00", "<script>&'+", ""];
        var asked = ids.Take(995).Concat(odd).Concat(ids.Skip(995)).Append(ids[0]).ToArray(); // a repeated id too

        var read = await store.GetCisAsync(asked, null, CancellationToken.None);

        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), read.Keys.OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(id, read[id].Id));
        Assert.Equal("app-0007", read[ids[7]].Name);
    }

    [Fact]
    public void IdArray_WritesEveryIdAsAJsonString_AndReusesItsBufferOnTheThread()
    {
        var first = IdArray.Of(["a\"b", "ü", "01JTESTCI0000000000000000A"]);
        Assert.Equal("""["a\u0022b","\u00FC","01JTESTCI0000000000000000A"]""", System.Text.Encoding.UTF8.GetString(first.Span));
        Assert.Equal(["a\"b", "ü", "01JTESTCI0000000000000000A"], System.Text.Json.JsonSerializer.Deserialize<string[]>(first.Span)!);

        var second = IdArray.Of(["x"]);

        Assert.Equal("""["x"]""", System.Text.Encoding.UTF8.GetString(second.Span));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first, out var a));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(second, out var b));
        Assert.Same(a.Array, b.Array);
        Assert.Equal("[]", System.Text.Encoding.UTF8.GetString(IdArray.Of([]).Span));
    }

    [Fact]
    public void IdArray_OfMoreIdsThanAThreadKeeps_WritesThemIntoABufferOfTheirOwn()
    {
        var kept = IdArray.Of(["a"]);
        var many = Enumerable.Range(0, IdArray.MaxKeptIds + 1).Select(i => $"id-{i}").ToArray();

        var large = IdArray.Of(many);
        var after = IdArray.Of(["b"]);

        Assert.Equal(many, System.Text.Json.JsonSerializer.Deserialize<string[]>(large.Span)!);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(kept, out var k));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(large, out var l));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(after, out var a));
        Assert.NotSame(k.Array, l.Array);
        Assert.Same(k.Array, a.Array); // the thread's buffer is still the small one
        Assert.Equal("""["b"]""", System.Text.Encoding.UTF8.GetString(after.Span));
    }

    /// <summary>Seeds the test's file and closes it, so the store opened next reads every CI from the file.</summary>
    private async Task<string[]> SeedAsync()
    {
        await using var seeding = await OpenAsync();
        var ops = Enumerable.Range(0, Cis).Select(i => (WriteOperation)new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = $"app-{i:D4}",
            Environment = "production",
            Attributes = i % 2 == 0 ? [] : new JsonObject { ["rack"] = $"r{i % 40}" },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
        })).ToList();
        var result = await seeding.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);
        return [.. result.Results.Select(r => r.EntityId)];
    }
}
