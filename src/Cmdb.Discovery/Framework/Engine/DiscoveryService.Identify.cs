using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>The whole plan of a batch, updates compared too (the dry run; a real run pipelines planning with its writes).</summary>
    private async Task<(ResolvedIdentifiers Holders, List<ItemPlan> Plans)> PlanAsync(
        string source, DiscoveryBatch batch, SourceState state, DateTimeOffset now, bool explain, Phases? phases, CancellationToken cancellationToken)
    {
        var holders = ResolvedIdentifiers.Of(batch);
        await holders.ResolveAsync(_store, cancellationToken);
        phases?.End("resolve identifiers");
        var plans = new List<ItemPlan>(ItemCount(batch));
        await PlanItemsAsync(source, batch, state, holders, now, explain, plans, null, null, cancellationToken);
        return (holders, plans);
    }

    private static int ItemCount(DiscoveryBatch batch)
    {
        var count = 0;
        foreach (var scope in batch.Scopes) count += scope.Items.Count;
        return count;
    }

    /// <summary>
    /// Identifies every item against the store's identifier map and the items planned before it, and decides
    /// create / update / unchanged / conflict / error, appending the plans to <paramref name="plans"/> in batch order.
    /// Matched items whose fingerprint changed are read and compared a chunk of <c>BatchSize</c> at a time. After each
    /// chunk (and every few thousand items without one) <paramref name="decided"/> learns how many plans are final, so
    /// a real run writes them while this goes on (<see cref="PlanAndWriteAsync"/>). Identification never depends on
    /// what the run writes: every holder is resolved before the run's first write, and items earlier in the run are
    /// matched by the plans.
    /// A real run reads a chunk only when <paramref name="reads"/> lets it (the writer is at most a chunk behind).
    /// The holders may still be being resolved on another thread: an item waits only for its own identifiers' answers.
    /// Each item is fingerprinted here, while the other thread resolves.
    /// </summary>
    private async Task PlanItemsAsync(
        string source, DiscoveryBatch batch, SourceState state, ResolvedIdentifiers holders,
        DateTimeOffset now, bool explain, List<ItemPlan> plans, Action<int>? decided, ReadGate? reads,
        CancellationToken cancellationToken)
    {
        const int PublishEvery = 4096;
        var matcher = new Matcher(this, holders);
        var salt = _precedence.Salt;
        var toLoad = new List<ItemPlan>(Math.Min(_options.BatchSize, ItemCount(batch)));
        for (var s = 0; s < batch.Scopes.Count; s++)
        {
            var scope = batch.Scopes[s];
            var sightings = state.CisOf(scope.Scope);
            for (var i = 0; i < scope.Items.Count; i++)
            {
                var item = scope.Items[i];
                var plan = new ItemPlan(scope.Scope, s, i, item) { Fingerprint = Fingerprint.Of(item, salt) };
                plans.Add(plan);
                var needed = matcher.Position + item.Identifiers.Count;
                if (holders.Ready < needed) await holders.WaitAsync(needed, cancellationToken);
                if (matcher.Match(plan, plans.Count - 1) is not { } ciId)
                {
                    if (plan.Action == ItemAction.Create) PlanCreate(plan, plan.Class!, now, explain);
                    if (plan.Action == ItemAction.Create) matcher.Pending(plan, plans.Count - 1);
                }
                else
                {
                    plan.CiId = ciId;
                    plan.Sighting = sightings.GetValueOrDefault(ciId);
                    if (plan.Sighting is { Retired: false } seen && seen.Fingerprint == plan.Fingerprint) plan.Action = ItemAction.Unchanged;
                    else toLoad.Add(plan);
                }

                if (toLoad.Count >= _options.BatchSize)
                {
                    await PlanUpdatesAsync(source, toLoad, now, explain, reads, cancellationToken);
                    toLoad.Clear();
                    decided?.Invoke(plans.Count);
                }
                else if (toLoad.Count == 0 && plans.Count % PublishEvery == 0)
                {
                    decided?.Invoke(plans.Count);
                }
            }

            matcher.SkipRelationships(scope.Relationships.Count);
        }

        if (toLoad.Count > 0) await PlanUpdatesAsync(source, toLoad, now, explain, reads, cancellationToken);
        decided?.Invoke(plans.Count);
    }

    /// <summary>Reads the CIs of these matched items (one read for the chunk) and decides update or unchanged for each.</summary>
    private async Task PlanUpdatesAsync(
        string source, List<ItemPlan> chunk, DateTimeOffset now, bool explain, ReadGate? reads, CancellationToken cancellationToken)
    {
        if (reads is not null) await reads.EnterAsync(chunk.Count, cancellationToken);
        // The set itself is the read's id list (two items may match one CI): Distinct into an array made the same set
        // inside the iterator, then grew a list and copied it, for every chunk.
        var ids = new HashSet<string>(chunk.Count, StringComparer.Ordinal);
        foreach (var plan in chunk) ids.Add(plan.CiId!);
        var existing = await _store.GetCisAsync(ids, null, cancellationToken);
        foreach (var plan in chunk)
        {
            if (!existing.TryGetValue(plan.CiId!, out var ci))
            {
                plan.Action = ItemAction.Error;
                plan.Error = $"{plan.Path}: CI {plan.CiId} holds its identifiers but could not be read.";
                continue;
            }

            plan.Existing = ci;
            PlanUpdate(plan, source, now, explain);
        }

        // Only updates go on to the writer, which lets the gate know once they are written.
        if (reads is not null)
        {
            var notWritten = 0;
            foreach (var plan in chunk) notWritten += plan.Action == ItemAction.Update ? 0 : 1;
            reads.Leave(notWritten);
        }
    }

    private void PlanCreate(ItemPlan plan, Domain.Model.CiClass ciClass, DateTimeOffset now, bool explain)
    {
        var fields = FieldsOf(plan.Item);
        try
        {
            // The dry run shows exactly what the store would make of it; a real run only needs to know the store will
            // accept it (the store merges it again when it writes), which the same rules decide without the merge.
            if (explain) CiMerge.Apply(_store.Model, ciClass, null, "new", fields, _validationActor, now, plan.Path);
            else WriteChecks.EnsureValid(_store.Model, ciClass, null, fields, plan.Path);
        }
        catch (CmdbException e)
        {
            Fail(plan, e.Message);
            return;
        }

        plan.Action = ItemAction.Create;
        plan.Fields = fields;
    }

    /// <summary>
    /// As <see cref="DiscoveredItem.ToFields"/>, sharing the item's attributes object instead of copying it: the store
    /// only reads a write's requested attributes and copies each value it keeps (a new CI's snapshot is written from
    /// them, a merge clones them), and the engine never changes a reported item. A copy per created CI was a JSON object,
    /// its property table and a node per value: garbage once the batch was written.
    /// </summary>
    private static CiFields FieldsOf(DiscoveredItem item) => new()
    {
        Name = item.Name,
        Status = item.Status,
        Environment = item.Environment,
        Criticality = item.Criticality,
        Owner = item.Owner,
        SupportGroup = item.SupportGroup,
        Tags = item.Tags,
        Attributes = item.Attributes,
        Identifiers = item.Identifiers,
        MinHealthy = item.MinHealthy,
    };

    private static void Fail(ItemPlan plan, string why)
    {
        plan.Action = ItemAction.Error;
        plan.Error = $"{plan.Path} ({plan.Item.Class} '{plan.Item.Name}'): {why}; nothing was written for it.";
    }
}
