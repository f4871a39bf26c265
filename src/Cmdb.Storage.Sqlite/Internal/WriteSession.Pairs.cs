using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    // The identifiers of the write being applied, copied out once: every walk of the import's SortedDictionary allocated an
    // enumerator and its stack, and a new CI's identifiers were walked about ten times (checks, match, JSON, rows, search).
    private KeyValuePair<string, string>[] _pairs = new KeyValuePair<string, string>[8];
    private int _pairCount;
    private CiFields? _pairsOf;

    /// <summary>Copies <paramref name="fields"/>' identifiers into the scratch, in the dictionary's own order.</summary>
    private ReadOnlySpan<KeyValuePair<string, string>> CollectPairs(CiFields fields)
    {
        _pairsOf = fields;
        _pairCount = 0;
        if (fields.Identifiers is not { Count: > 0 } identifiers) return [];
        if (_pairs.Length < identifiers.Count) _pairs = new KeyValuePair<string, string>[identifiers.Count];
        if (identifiers is SortedIdentifiers held)
        {
            held.Pairs.CopyTo(_pairs);
            _pairCount = held.Count;
        }
        else if (identifiers is SortedDictionary<string, string> sorted)
        {
            foreach (var pair in sorted) _pairs[_pairCount++] = pair; // its struct enumerator: no boxing
        }
        else if (identifiers is Dictionary<string, string> map)
        {
            foreach (var pair in map) _pairs[_pairCount++] = pair; // discovery's writes: no boxed enumerator per item
        }
        else
        {
            foreach (var pair in identifiers) _pairs[_pairCount++] = pair;
        }

        return _pairs.AsSpan(0, _pairCount);
    }

    /// <summary>The collected identifiers as a new CI keeps them (CiMerge.Create): ordinal order, no null values.</summary>
    private ReadOnlySpan<KeyValuePair<string, string>> NewCiPairs(CiFields fields)
    {
        if (!ReferenceEquals(_pairsOf, fields)) CollectPairs(fields);
        var n = 0;
        for (var i = 0; i < _pairCount; i++)
        {
            if (_pairs[i].Value is not null) _pairs[n++] = _pairs[i];
        }

        _pairCount = n;
        var pairs = _pairs.AsSpan(0, n);
        if (n > 1 && fields.Identifiers is not SortedIdentifiers &&
            !(fields.Identifiers is SortedDictionary<string, string> s && ReferenceEquals(s.Comparer, StringComparer.Ordinal)))
            pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return pairs;
    }

    /// <summary>
    /// True when every identifier the record carries is held, in the committed map and untouched by this batch, by one
    /// and the same indexed CI. <see cref="Identification.Match"/> then names that CI whatever the class's rule (each
    /// complete rule set and each single identifier leads to it), so the match is decided without its id strings.
    /// </summary>
    private bool SoleHolder(ReadOnlySpan<KeyValuePair<string, string>> identifiers, out int node)
    {
        node = -1;
        if (identifiers.IsEmpty) return false;
        foreach (var (scheme, value) in identifiers)
        {
            if (_identifierOverlay.Count > 0 && _identifierOverlay.ContainsKey((scheme, value))) return false;
            if (!_identifiers.TryGetNode(scheme, value, out var holder) || (node >= 0 && holder != node)) return false;
            node = holder;
        }

        return true;
    }
}
