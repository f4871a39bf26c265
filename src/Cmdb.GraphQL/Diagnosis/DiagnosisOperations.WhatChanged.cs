using Cmdb.Domain.Errors;

namespace Cmdb.GraphQL.Diagnosis;

public sealed partial class DiagnosisOperations
{
    public const int DefaultWhatChangedDepth = 3;
    public const int MaxWhatChangedDepth = 10;
    public const int MaxWhatChangedCis = 100;
    public const int MaxWhatChangedEntries = 1000;

    /// <summary>Every audited change on the CIs and their upstream neighbourhood in [since, until], newest first.</summary>
    public async Task<IReadOnlyList<WhatChangedEntry>> WhatChangedAsync(
        IReadOnlyList<string> ciIds, DateTimeOffset since, DateTimeOffset? until, int? depth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        if (ciIds.Count == 0) throw CmdbException.Invalid("Name at least one CI.", "ciIds");
        if (ciIds.Count > MaxWhatChangedCis) throw CmdbException.Invalid($"At most {MaxWhatChangedCis} CIs per request; got {ciIds.Count}.", "ciIds");
        var hops = depth ?? DefaultWhatChangedDepth;
        if (hops < 0 || hops > MaxWhatChangedDepth)
            throw CmdbException.Invalid($"Depth must be between 0 and {MaxWhatChangedDepth}; got {hops}.", "depth");
        var end = until ?? time.GetUtcNow();
        if (since > end) throw CmdbException.Invalid($"since ({since:O}) is after until ({end:O}).", "since");

        var graph = await store.GetGraphAsync(ciIds, cancellationToken);
        var neighbourhood = engine.Upstream(graph, ciIds, graph.Commits.SeqAt(end), hops)
            .GroupBy(n => n.CiId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(n => n.Depth), StringComparer.Ordinal);
        var audit = await store.GetAuditAsync(neighbourhood.Keys, since, end, MaxWhatChangedEntries, cancellationToken);
        var records = changes is null ? [] : await changes.ListAsync(since, end.AddTicks(1), StoreDiagnosisEvidence.Live, cancellationToken);
        return [.. audit.Select(e =>
        {
            var declared = StoreDiagnosisEvidence.DeclaredBy(records, e);
            var kind = declared is not null ? Domain.Diagnosis.DiagnosisChangeKind.ChangeRecord : StoreDiagnosisEvidence.KindOf(e.Entry.Actor);
            return new WhatChangedEntry(e, neighbourhood[e.CiId], kind, declared?.Id);
        })];
    }
}
