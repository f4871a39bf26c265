using System.Text;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// A string-keyed map that start-up looks up with the UTF-8 text SQLite hands back, without making a string per
/// row (class and environment names of every CI version). CI ids do not come here: they are parsed into ULID values
/// (see <c>UlidText</c>). Lookups may run on several threads once the map is no longer written.
/// </summary>
internal sealed class Utf8Keyed<T>
{
    private readonly Dictionary<string, T> _map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    [ThreadStatic]
    private static char[]? t_chars; // start-up looks names up from two threads at once

    public Utf8Keyed(int capacity = 0)
    {
        _map = new Dictionary<string, T>(capacity, StringComparer.Ordinal);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _map.Count;

    /// <summary>Finds the entry; <paramref name="key"/> is the map's own string, so callers can share it.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string key, out T value)
    {
        var chars = Decode(utf8);
        return _lookup.TryGetValue(chars, out key!, out value!);
    }

    /// <summary>The text as a string (a new one); use after a failed <see cref="TryGet"/>.</summary>
    public static string NewKey(ReadOnlySpan<byte> utf8) => new(Decode(utf8));

    public void Add(string key, T value) => _map[key] = value;

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = t_chars;
        if (chars is null || chars.Length < utf8.Length) t_chars = chars = new char[Math.Max(128, utf8.Length * 2)];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        return chars.AsSpan(0, n);
    }
}
