using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// A stable 64-bit hash of what a source reported. Stable across processes, unlike <see cref="HashCode"/>, because it
/// is stored; equal hashes mean "nothing new to say". Every item of every run is hashed, so it takes text four UTF-16
/// code units at a time (multiply, then rotate so high bits feed the next multiply) and sorts small maps in place.
/// </summary>
/// <remarks>
/// Version 2 (session 4). A change of the function only costs one run that compares every item with its CI (as after a
/// precedence change, see <see cref="PrecedencePolicy.Salt"/>): no fingerprint matches a stored one, nothing is lost.
/// </remarks>
internal struct Fingerprint
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private const ulong Version = 2;
    private ulong _h;

    private static readonly Comparer<KeyValuePair<string, JsonNode?>> ByKey = Comparer<KeyValuePair<string, JsonNode?>>.Create(
        static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    [ThreadStatic]
    private static KeyValuePair<string, JsonNode?>[]? t_pairs;

    private Fingerprint(ulong seed) => _h = (seed ^ 0x243F6A8885A308D3UL) + Version;

    public static long Of(string text)
    {
        var f = new Fingerprint(0);
        f.Add(text);
        return f.Value;
    }

    public static long Of(DiscoveredItem item, long salt)
    {
        var f = new Fingerprint((ulong)salt);
        f.Add(item.Class);
        f.Add(item.Name);
        f.Add(item.Status is { } s ? (int)s + 1 : 0);
        f.Add(item.Environment);
        f.Add(item.Criticality ?? -1);
        f.Add(item.Owner);
        f.Add(item.SupportGroup);
        f.Add(item.MinHealthy ?? -1);
        if (item.Tags is { } tags) f.AddTags(tags);
        f.Add(-2);
        f.AddIdentifiers(item.Identifiers);
        f.Add(-3);
        f.Add(item.Attributes);
        return f.Value;
    }

    public static long Of(JsonObject? attributes)
    {
        var f = new Fingerprint(7);
        f.Add(attributes);
        return f.Value;
    }

    private readonly long Value
    {
        get
        {
            // Final avalanche (splitmix64) so near-equal inputs do not give near-equal hashes.
            var z = _h + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }

    private void Mix(ulong word) => _h = BitOperations.RotateLeft((_h ^ word) * Multiplier, 27);

    private void Add(string? text)
    {
        if (text is null)
        {
            Add(-7);
            return;
        }

        // The length first, so "ab"+"c" and "a"+"bc" read differently; then whole 64-bit words, then the 0-3 left.
        Mix(0x5354_0000_0000_0000UL | (uint)text.Length);
        var chars = text.AsSpan();
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var w in words) Mix(w);
        var rest = chars[(words.Length * 4)..];
        if (rest.IsEmpty) return;
        ulong tail = 0;
        foreach (var c in rest) tail = (tail << 16) | c;
        Mix(tail);
    }

    private void Add(int value) => Mix(0x494E_0000_0000_0000UL | (uint)value);

    private void AddTags(IReadOnlyList<string> tags)
    {
        if (tags.Count <= 1)
        {
            foreach (var t in tags) Add(t);
            return;
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        foreach (var t in sorted) Add(t);
    }

    private void AddIdentifiers(IReadOnlyDictionary<string, string> identifiers)
    {
        if (identifiers.Count == 1)
        {
            // Through the dictionary's own enumerator when it is one (the usual case): the interface's is a boxed object
            // per item, garbage that made a 100k-item run collect several more times.
            if (identifiers is Dictionary<string, string> dictionary)
            {
                foreach (var (k, v) in dictionary)
                {
                    Add(k);
                    Add(v);
                }
            }
            else
            {
                foreach (var (k, v) in identifiers)
                {
                    Add(k);
                    Add(v);
                }
            }

            return;
        }

        var pairs = identifiers.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (k, v) in pairs)
        {
            Add(k);
            Add(v);
        }
    }

    private void Add(JsonNode? node)
    {
        switch (node)
        {
            case null:
                Add(-11);
                break;
            case JsonObject o:
                Add(-12);
                AddMembers(o);
                Add(-13);
                break;
            case JsonArray a:
                Add(-14);
                for (var i = 0; i < a.Count; i++) Add(a[i]);
                Add(-15);
                break;
            default:
                var value = node.AsValue();
                var kind = value.GetValueKind();
                Add((int)kind);
                Add(kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                break;
        }
    }

    // Members in ordinal key order. Small objects (the usual case) sort in a reused per-thread array: no allocation;
    // nested objects take their own array, so the shared one is never in use twice.
    private void AddMembers(JsonObject o)
    {
        var count = o.Count;
        if (count == 0) return;
        var pairs = t_pairs;
        t_pairs = null;
        if (pairs is null || pairs.Length < count) pairs = new KeyValuePair<string, JsonNode?>[Math.Max(count, 16)];
        // By index rather than foreach: JsonObject's enumerator is an interface, a boxed object per attribute object.
        for (var i = 0; i < count; i++) pairs[i] = o.GetAt(i);
        var n = count;
        if (n > 16) Array.Sort(pairs, 0, n, ByKey);
        for (var i = 1; i < n && n <= 16; i++)
        {
            var p = pairs[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(pairs[j].Key, p.Key) > 0)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = p;
        }

        for (var i = 0; i < n; i++)
        {
            Add(pairs[i].Key);
            Add(pairs[i].Value);
        }

        Array.Clear(pairs, 0, n);
        t_pairs = pairs;
    }
}
