using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Events;

/// <summary>
/// Finds the CI an event is about: an explicit ciId (which must exist), else the first label rule that resolves to an
/// existing CI. Lookups are cached for the life of the mapper, so make one per ingest batch.
/// </summary>
public sealed class EventMapper
{
    private readonly ICmdbStore _store;
    private readonly IReadOnlyList<EventLabelRule> _rules;
    private readonly Dictionary<(string Scheme, string Value), string?> _cache = [];

    public EventMapper(ICmdbStore store, IReadOnlyList<EventLabelRule> rules)
    {
        _store = store;
        _rules = rules;
    }

    /// <summary>The CI id and how it was found, or (null, null) when nothing matched.</summary>
    public async Task<(string? CiId, string? MappedBy)> MapAsync(EventInput input, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CiId is { } explicitId)
        {
            return await LookupAsync(EventLabelRule.IdScheme, explicitId, cancellationToken) is { } found
                ? (found, "ciId")
                : throw CmdbException.NotFound($"No CI with id '{explicitId}' ({path}.ciId); leave ciId out to map by labels.");
        }

        foreach (var rule in _rules)
        {
            if (!input.Labels.TryGetValue(rule.Label, out var value) || string.IsNullOrWhiteSpace(value)) continue;
            var key = rule.StripPort ? EventFingerprint.StripPort(value) : value;
            if (await LookupAsync(rule.Scheme, key, cancellationToken) is { } ciId) return (ciId, rule.Describe());
        }

        return (null, null);
    }

    private async Task<string?> LookupAsync(string scheme, string value, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((scheme, value), out var cached)) return cached;
        string? id;
        if (scheme == EventLabelRule.IdScheme)
        {
            var cis = await _store.GetCisAsync([value], null, cancellationToken);
            id = cis.ContainsKey(value) ? value : null;
        }
        else if (value.Length > CiRules.MaxIdentifierValueLength)
        {
            id = null; // no CI can hold it; a long label (a probe URL) must not fail the alerts it came with
        }
        else
        {
            var holders = await _store.ResolveIdentifiersAsync([(scheme, value)], cancellationToken);
            id = holders.GetValueOrDefault((scheme, value));
        }

        _cache[(scheme, value)] = id;
        return id;
    }
}
