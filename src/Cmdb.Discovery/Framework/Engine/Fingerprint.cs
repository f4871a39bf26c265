using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// A stable 64-bit hash (FNV-1a over UTF-16 code units, then mixed) of what a source reported. Stable across processes,
/// unlike <see cref="HashCode"/>, because it is stored; equal hashes mean "nothing new to say".
/// </summary>
internal struct Fingerprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private ulong _h;

    private Fingerprint(ulong seed) => _h = Offset ^ seed;

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
        if (item.Tags is { } tags) foreach (var t in tags.Order(StringComparer.Ordinal)) f.Add(t);
        f.Add(-2);
        foreach (var (k, v) in Ordered(item.Identifiers))
        {
            f.Add(k);
            f.Add(v);
        }

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

    // Most items carry one or two identifiers and a few attributes: sort a small array, no LINQ.
    private static IEnumerable<KeyValuePair<string, TValue>> Ordered<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        if (pairs is ICollection<KeyValuePair<string, TValue>> { Count: <= 1 } small) return small;
        var array = pairs.ToArray();
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return array;
    }

    private void Add(string? text)
    {
        if (text is null)
        {
            Add(-7);
            return;
        }

        foreach (var c in text) _h = (_h ^ c) * Prime;
        _h = (_h ^ 0xFFFF) * Prime; // terminator: "ab"+"c" differs from "a"+"bc"
    }

    private void Add(int value)
    {
        _h = (_h ^ (uint)value) * Prime;
        _h = (_h ^ 0xFFFE) * Prime;
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
                foreach (var (k, v) in Ordered(o))
                {
                    Add(k);
                    Add(v);
                }

                Add(-13);
                break;
            case JsonArray a:
                Add(-14);
                foreach (var v in a) Add(v);
                Add(-15);
                break;
            default:
                var value = node.AsValue();
                Add((int)value.GetValueKind());
                Add(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString());
                break;
        }
    }
}
