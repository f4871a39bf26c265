using Cmdb.Domain.Graph;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;

namespace Cmdb.Domain.Storage;

/// <summary>
/// The system of record for CIs, relationships and their history. The embedded SQLite backend and the Neo4j
/// backend both implement it, and one contract test suite runs against each.
/// </summary>
/// <remarks>
/// Reads that take <c>asOf</c> answer with the state of the last commit at or before that moment (null: now).
/// Writes go through <see cref="ApplyAsync"/> only: a batch is applied entirely or not at all, and every change
/// is audited under the actor in the same transaction.
/// </remarks>
public interface ICmdbStore
{
    /// <summary>The classes and relationship types writes are checked against.</summary>
    ModelCatalog Model { get; }

    /// <summary>Opens the store: creates or migrates the schema and builds the in-memory index.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The topology to traverse for a question that starts at <paramref name="startIds"/>. The embedded backend
    /// returns its whole in-memory index at once; a remote backend may fetch only the reachable subgraph.
    /// </summary>
    ValueTask<GraphIndex> GetGraphAsync(IReadOnlyCollection<string> startIds, CancellationToken cancellationToken);

    /// <summary>The CIs with these ids that exist (at <paramref name="asOf"/>), keyed by id. Unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, ConfigurationItem>> GetCisAsync(
        IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="GetCisAsync"/>, but only each CI's id, class and name: a backend may answer without reading and
    /// parsing whole documents (pages that show only names, e.g. an impact page with paths).
    /// </summary>
    async Task<IReadOnlyDictionary<string, CiHeader>> GetCiHeadersAsync(
        IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var cis = await GetCisAsync(ids, asOf, cancellationToken).ConfigureAwait(false);
        return cis.ToDictionary(p => p.Key, p => new CiHeader(p.Value.Id, p.Value.Class, p.Value.Name), StringComparer.Ordinal);
    }

    /// <summary>The CI that holds the identifier, or null.</summary>
    Task<ConfigurationItem?> FindByIdentifierAsync(string scheme, string value, DateTimeOffset? asOf, CancellationToken cancellationToken);

    /// <summary>
    /// For each identifier (scheme, value) the id of the CI that holds it now; identifiers nobody holds are absent.
    /// Batched for discovery's reconciliation: the embedded backend answers from memory.
    /// </summary>
    async Task<IReadOnlyDictionary<(string Scheme, string Value), string>> ResolveIdentifiersAsync(
        IReadOnlyCollection<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var found = new Dictionary<(string Scheme, string Value), string>();
        foreach (var pair in identifiers)
        {
            if (found.ContainsKey(pair)) continue;
            if (await FindByIdentifierAsync(pair.Scheme, pair.Value, null, cancellationToken) is { } ci) found[pair] = ci.Id;
        }

        return found;
    }

    /// <summary>
    /// The same answers as <see cref="ResolveIdentifiersAsync"/>, by position: the id of the CI holding each identifier
    /// now, or null. For a caller that walks its identifiers in order anyway (discovery), a backend can answer without
    /// building, and the caller without querying, a dictionary of every identifier.
    /// </summary>
    async Task<string?[]> ResolveEachAsync(IReadOnlyList<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var found = await ResolveIdentifiersAsync(identifiers, cancellationToken).ConfigureAwait(false);
        var holders = new string?[identifiers.Count];
        for (var i = 0; i < holders.Length; i++) holders[i] = found.GetValueOrDefault(identifiers[i]);
        return holders;
    }

    /// <summary>CIs matching the filter, ordered by id, one page at a time.</summary>
    Task<Page<ConfigurationItem>> QueryCisAsync(
        CiFilter filter, int first, string? after, DateTimeOffset? asOf, CancellationToken cancellationToken);

    /// <summary>Ranked text search over names, identifiers, tags, owners and attribute values. The text is plain words, never query syntax.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken);

    /// <summary>Relationships of each CI (batched for data loaders), optionally of given types only.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> ciIds, Direction direction, IReadOnlyCollection<string>? types, DateTimeOffset? asOf,
        CancellationToken cancellationToken);

    /// <summary>One relationship by id (removed ones included), or null.</summary>
    Task<Relationship?> GetRelationshipAsync(string id, CancellationToken cancellationToken);

    /// <summary>The audit history of a CI and its relationships, newest first.</summary>
    Task<Page<AuditEntry>> GetHistoryAsync(string ciId, int first, string? after, CancellationToken cancellationToken);

    /// <summary>
    /// Audited writes on any of <paramref name="ciIds"/> (their own and their relationships') committed in
    /// [<paramref name="since"/>, <paramref name="until"/>], newest first, at most <paramref name="limit"/>. Batched for
    /// diagnosis and whatChanged; this default pages through <see cref="GetHistoryAsync"/> per CI, backends do better.
    /// </summary>
    async Task<IReadOnlyList<CiAuditEntry>> GetAuditAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        var found = new Dictionary<long, CiAuditEntry>();
        foreach (var ciId in ciIds.Distinct(StringComparer.Ordinal))
        {
            string? after = null;
            while (true)
            {
                var page = await GetHistoryAsync(ciId, 100, after, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    if (item.Node.At >= since && item.Node.At <= until) found.TryAdd(item.Node.Sequence, new CiAuditEntry(item.Node, ciId, null));
                }

                if (!page.HasNextPage || page.Items.Count == 0 || page.Items[^1].Node.At < since) break;
                after = page.EndCursor;
            }
        }

        return [.. found.Values.OrderByDescending(e => e.Entry.Sequence).Take(limit)];
    }

    /// <summary>Applies a batch atomically under <paramref name="actor"/>.</summary>
    Task<WriteResult> ApplyAsync(WriteBatch batch, Actor actor, CancellationToken cancellationToken);
}
