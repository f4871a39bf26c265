using System.Collections.Concurrent;
using Cmdb.Domain.Graph;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Tests.Support;

/// <summary>Wraps a store and counts calls per method, to prove the schema batches its reads.</summary>
public sealed class CountingStore(ICmdbStore inner) : ICmdbStore
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public ICmdbStore Inner => inner;

    public ModelCatalog Model => inner.Model;

    /// <summary>When set, every read throws it (to test how failures are reported).</summary>
    public Exception? FailReadsWith { get; set; }

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public int TotalReads => _calls.Where(p => p.Key != nameof(ApplyAsync)).Sum(p => p.Value);

    public void Reset() => _calls.Clear();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public ValueTask<GraphIndex> GetGraphAsync(IReadOnlyCollection<string> startIds, CancellationToken cancellationToken) =>
        Count(nameof(GetGraphAsync), () => inner.GetGraphAsync(startIds, cancellationToken));

    public Task<IReadOnlyDictionary<string, ConfigurationItem>> GetCisAsync(IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        Count(nameof(GetCisAsync), () => inner.GetCisAsync(ids, asOf, cancellationToken));

    public Task<IReadOnlyDictionary<string, CiHeader>> GetCiHeadersAsync(IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        Count(nameof(GetCiHeadersAsync), () => inner.GetCiHeadersAsync(ids, asOf, cancellationToken));

    public Task<ConfigurationItem?> FindByIdentifierAsync(string scheme, string value, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        Count(nameof(FindByIdentifierAsync), () => inner.FindByIdentifierAsync(scheme, value, asOf, cancellationToken));

    public Task<Page<ConfigurationItem>> QueryCisAsync(CiFilter filter, int first, string? after, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        Count(nameof(QueryCisAsync), () => inner.QueryCisAsync(filter, first, after, asOf, cancellationToken));

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken) =>
        Count(nameof(SearchAsync), () => inner.SearchAsync(text, first, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> ciIds, Direction direction, IReadOnlyCollection<string>? types, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        Count(nameof(GetRelationshipsAsync), () => inner.GetRelationshipsAsync(ciIds, direction, types, asOf, cancellationToken));

    public Task<Relationship?> GetRelationshipAsync(string id, CancellationToken cancellationToken) =>
        Count(nameof(GetRelationshipAsync), () => inner.GetRelationshipAsync(id, cancellationToken));

    public Task<Page<AuditEntry>> GetHistoryAsync(string ciId, int first, string? after, CancellationToken cancellationToken) =>
        Count(nameof(GetHistoryAsync), () => inner.GetHistoryAsync(ciId, first, after, cancellationToken));

    public Task<WriteResult> ApplyAsync(WriteBatch batch, Actor actor, CancellationToken cancellationToken) =>
        Count(nameof(ApplyAsync), () => inner.ApplyAsync(batch, actor, cancellationToken));

    private T Count<T>(string method, Func<T> call)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (FailReadsWith is { } e && method != nameof(ApplyAsync)) throw e;
        return call();
    }
}
