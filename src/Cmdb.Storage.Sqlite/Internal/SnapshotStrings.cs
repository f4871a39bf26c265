using System.Text;
using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// One string for each short text that CI snapshots repeat from CI to CI (class names, provenance field names and
/// sources, identifier schemes, environments, attribute names), instead of a new string per snapshot read.
/// </summary>
/// <remarks>
/// Discovery reads every CI it updates (50k in a 1M first run): about a third of what that read allocated was these
/// strings, and all of it was garbage one collection later. A fixed table of slot pairs chosen by a hash of the UTF-8
/// text: a pair holds the last two strings seen there, so two texts of one snapshot whose hashes meet (the hash is seeded
/// per process, so some process always has such a pair) are both shared instead of replacing each other on every read;
/// a third text in the same pair costs a new string now and then, never a wrong one (a hit compares the text itself). Strings are immutable and a slot is one reference, so readers on any thread
/// share the table without locks. Only short ASCII text without escapes is shared; anything else is read as before.
/// </remarks>
internal static class SnapshotStrings
{
    /// <summary>Longer texts (ids, names, identifier values) are mostly unique: not worth a slot.</summary>
    public const int MaxLength = 48;

    internal const int Slots = 4096; // a power of two: a hash picks a pair of slots by mask

    private static readonly string?[] s_slots = new string?[Slots];

    /// <summary>The text of the reader's current string or property name, shared with earlier reads of the same text.</summary>
    public static string Get(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxLength) return r.GetString()!;
        return Get(r.ValueSpan) ?? r.GetString()!;
    }

    /// <summary>The shared string of this UTF-8 text, or null when it is not short ASCII.</summary>
    public static string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return null;
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var pair = hash.ToHashCode() & (Slots - 2);
        ref var recent = ref s_slots[pair];
        ref var older = ref s_slots[pair + 1];
        var held = Volatile.Read(ref recent);
        if (Holds(held, utf8)) return held;
        var other = Volatile.Read(ref older);
        if (Holds(other, utf8)) return other;
        if (!Ascii.IsValid(utf8)) return null;
        var text = Encoding.ASCII.GetString(utf8);
        Volatile.Write(ref older, held);
        Volatile.Write(ref recent, text);
        return text;
    }

    private static bool Holds(string? held, ReadOnlySpan<byte> utf8) =>
        held is not null && held.Length == utf8.Length && Ascii.Equals(utf8, held);
}
