using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Cmdb.Domain.Items;

/// <summary>
/// A CI's identifiers (scheme to value) as one immutable array in ordinal scheme order: the order every snapshot,
/// search row and digest writes them in. A <see cref="SortedDictionary{TKey, TValue}"/> allocated an enumerator stack on
/// every walk, and a discovery update walked its CI's identifiers four times (snapshot, search row, two digests); here a
/// walk is a loop over <see cref="Pairs"/>, and an unchanged map is shared by the CI's versions since nothing mutates it.
/// </summary>
public sealed class SortedIdentifiers : IReadOnlyDictionary<string, string>
{
    /// <summary>No identifiers.</summary>
    public static readonly SortedIdentifiers Empty = new([]);

    private readonly KeyValuePair<string, string>[] _pairs;

    private SortedIdentifiers(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    /// <summary>
    /// The map of <paramref name="pairs"/>: sorted by scheme (ordinal); a scheme given twice keeps its last value, as a
    /// dictionary's indexer would. Null schemes or values are refused.
    /// </summary>
    public static SortedIdentifiers Of(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs is SortedIdentifiers same) return same;
        var array = pairs.ToArray();
        return OwnArray(array);
    }

    /// <summary>The map of <paramref name="pairs"/> (copied), as <see cref="Of(IEnumerable{KeyValuePair{string, string}})"/>.</summary>
    public static SortedIdentifiers Of(ReadOnlySpan<KeyValuePair<string, string>> pairs) =>
        pairs.IsEmpty ? Empty : OwnArray(pairs.ToArray());

    // Keeps the array when it is already in strictly ascending ordinal order (a stored snapshot's, a sorted input's).
    private static SortedIdentifiers OwnArray(KeyValuePair<string, string>[] pairs)
    {
        if (pairs.Length == 0) return Empty;
        var ordered = true;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (pairs[i].Key is null || pairs[i].Value is null)
                throw new ArgumentException("An identifier needs a scheme and a value.", nameof(pairs));
            if (i > 0 && string.CompareOrdinal(pairs[i - 1].Key, pairs[i].Key) >= 0) ordered = false;
        }

        if (ordered) return new SortedIdentifiers(pairs);

        // Rare (a snapshot writes them in order): sort a copy, the last of equal schemes winning.
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scheme, value) in pairs) map[scheme] = value;
        return new SortedIdentifiers([.. map]);
    }

    /// <summary>The identifiers in ordinal scheme order, without an enumerator.</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> Pairs => _pairs;

    public int Count => _pairs.Length;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No identifier '{key}'.");

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _pairs[i].Value : null;
        return i >= 0;
    }

    /// <summary>
    /// This map with <paramref name="changes"/> set (each scheme to its value), or this map itself when every change
    /// is already held. <paramref name="changes"/> must be in ordinal scheme order, one entry per scheme, no null value.
    /// </summary>
    internal SortedIdentifiers With(ReadOnlySpan<KeyValuePair<string, string>> changes)
    {
        if (changes.IsEmpty) return this;
        var added = 0;
        foreach (var (scheme, _) in changes)
        {
            if (IndexOf(scheme) < 0) added++;
        }

        var next = new KeyValuePair<string, string>[_pairs.Length + added];
        int i = 0, j = 0, n = 0;
        while (i < _pairs.Length || j < changes.Length)
        {
            var order = i == _pairs.Length ? 1 : j == changes.Length ? -1 : string.CompareOrdinal(_pairs[i].Key, changes[j].Key);
            if (order < 0) next[n++] = _pairs[i++];
            else if (order > 0) next[n++] = changes[j++];
            else
            {
                next[n++] = changes[j++];
                i++;
            }
        }

        return new SortedIdentifiers(next);
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int lo = 0, hi = _pairs.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = string.CompareOrdinal(_pairs[mid].Key, key);
            if (order == 0) return mid;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }

        return -1;
    }

    /// <summary>A struct enumerator: <c>foreach</c> over the map itself allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_pairs);

    IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _pairs.GetEnumerator();

    /// <summary>Walks the pairs in ordinal scheme order.</summary>
    public struct Enumerator
    {
        private readonly KeyValuePair<string, string>[] _pairs;
        private int _index;

        internal Enumerator(KeyValuePair<string, string>[] pairs)
        {
            _pairs = pairs;
            _index = -1;
        }

        public readonly KeyValuePair<string, string> Current => _pairs[_index];

        public bool MoveNext() => ++_index < _pairs.Length;
    }
}
