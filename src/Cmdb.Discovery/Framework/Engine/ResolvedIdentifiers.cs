using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// Who holds each identifier of a batch in the store, by position: for every scope, each item's identifiers in turn,
/// then both ends of each of its relationships (<see cref="Of"/> lists them). Identification walks the items in the
/// same order, so it reads an item's holders by position rather than looking every identifier up again.
/// </summary>
internal sealed class ResolvedIdentifiers
{
    private readonly List<(string Scheme, string Value)> _pairs;
    private readonly string?[] _holders;
    private Dictionary<(string Scheme, string Value), string>? _byIdentifier;

    private ResolvedIdentifiers(List<(string Scheme, string Value)> pairs, string?[] holders)
    {
        if (holders.Length != pairs.Count)
            throw new InvalidOperationException($"The store resolved {holders.Length} identifiers where {pairs.Count} were asked.");
        (_pairs, _holders) = (pairs, holders);
    }

    public (string Scheme, string Value) Pair(int position) => _pairs[position];

    /// <summary>The CI holding the identifier at this position now, or null.</summary>
    public string? Holder(int position) => _holders[position];

    /// <summary>The holder of any identifier of the batch (relationship ends), from a map made on first use.</summary>
    public string? HolderOf((string Scheme, string Value) identifier)
    {
        if (_byIdentifier is null)
        {
            var map = new Dictionary<(string Scheme, string Value), string>();
            for (var i = 0; i < _pairs.Count; i++)
            {
                if (_holders[i] is { } holder) map.TryAdd(_pairs[i], holder);
            }

            _byIdentifier = map;
        }

        return _byIdentifier.GetValueOrDefault(identifier);
    }

    /// <summary>The batch's identifiers in the order above; the store answers them by position.</summary>
    public static List<(string Scheme, string Value)> Of(DiscoveryBatch batch)
    {
        var count = 0;
        foreach (var scope in batch.Scopes)
        {
            foreach (var item in scope.Items) count += item.Identifiers.Count;
            count += 2 * scope.Relationships.Count;
        }

        var pairs = new List<(string, string)>(count);
        foreach (var scope in batch.Scopes)
        {
            foreach (var item in scope.Items)
            {
                if (item.Identifiers is Dictionary<string, string> d) foreach (var (k, v) in d) pairs.Add((k, v));
                else foreach (var (k, v) in item.Identifiers) pairs.Add((k, v));
            }

            foreach (var r in scope.Relationships)
            {
                pairs.Add((r.Source.Scheme, r.Source.Value));
                pairs.Add((r.Target.Scheme, r.Target.Value));
            }
        }

        return pairs;
    }

    public static ResolvedIdentifiers From(List<(string Scheme, string Value)> pairs, string?[] holders) => new(pairs, holders);
}
