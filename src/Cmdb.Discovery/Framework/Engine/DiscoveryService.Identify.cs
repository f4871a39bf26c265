using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Resolves the batch's identifiers against the store's in-memory map and fingerprints every item meanwhile (pure
    /// CPU over the batch, on a second thread), then plans each item. <paramref name="explain"/>: the dry run's
    /// before/after texts of every field decision; a real run only needs the decisions.
    /// </summary>
    private async Task<(IReadOnlyDictionary<(string Scheme, string Value), string> Holders, List<ItemPlan> Plans)> PlanAsync(
        string source, DiscoveryBatch batch, SourceState state, DateTimeOffset now, bool explain, Phases? phases, CancellationToken cancellationToken)
    {
        var pairs = IdentifiersOf(batch);
        var salt = _precedence.Salt;
        var hashing = Task.Run(() => Fingerprints(batch, salt), cancellationToken);
        IReadOnlyDictionary<(string Scheme, string Value), string> holders;
        try
        {
            holders = await _store.ResolveIdentifiersAsync(pairs, cancellationToken);
        }
        finally
        {
            // Never leave the hashing thread running (or its exception unobserved) when the store refuses.
            await Task.WhenAny(hashing);
        }

        var fingerprints = await hashing;
        phases?.End("resolve identifiers + fingerprints");
        return (holders, await PlanItemsAsync(source, batch, state, holders, fingerprints, now, explain, cancellationToken));
    }

    private static long[] Fingerprints(DiscoveryBatch batch, long salt)
    {
        var result = new long[batch.Scopes.Sum(s => s.Items.Count)];
        var k = 0;
        foreach (var scope in batch.Scopes)
        {
            foreach (var item in scope.Items) result[k++] = Fingerprint.Of(item, salt);
        }

        return result;
    }

    /// <summary>
    /// Identifies every item against the store's identifier map and the items planned before it, and decides
    /// create / update / unchanged / conflict / error. Reads CIs only for items whose fingerprint changed.
    /// </summary>
    private async Task<List<ItemPlan>> PlanItemsAsync(
        string source, DiscoveryBatch batch, SourceState state, IReadOnlyDictionary<(string Scheme, string Value), string> holders,
        long[] fingerprints, DateTimeOffset now, bool explain, CancellationToken cancellationToken)
    {
        var plans = new List<ItemPlan>(fingerprints.Length);
        var matcher = new Matcher(this, holders);
        var toLoad = new List<ItemPlan>();
        for (var s = 0; s < batch.Scopes.Count; s++)
        {
            var scope = batch.Scopes[s];
            var sightings = state.CisOf(scope.Scope);
            for (var i = 0; i < scope.Items.Count; i++)
            {
                var plan = new ItemPlan(scope.Scope, s, i, scope.Items[i]) { Fingerprint = fingerprints[plans.Count] };
                plans.Add(plan);
                if (matcher.Match(plan, plans.Count - 1) is not { } ciId)
                {
                    if (plan.Action == ItemAction.Create) PlanCreate(plan, plan.Class!, now, explain);
                    if (plan.Action == ItemAction.Create) matcher.Pending(plan, plans.Count - 1);
                    continue;
                }

                plan.CiId = ciId;
                plan.Sighting = sightings.GetValueOrDefault(ciId);
                if (plan.Sighting is { Retired: false } seen && seen.Fingerprint == plan.Fingerprint) plan.Action = ItemAction.Unchanged;
                else toLoad.Add(plan);
            }
        }

        foreach (var chunk in toLoad.Chunk(_options.BatchSize))
        {
            var existing = await _store.GetCisAsync([.. chunk.Select(p => p.CiId!).Distinct(StringComparer.Ordinal)], null, cancellationToken);
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
        }

        return plans;
    }

    private void PlanCreate(ItemPlan plan, Domain.Model.CiClass ciClass, DateTimeOffset now, bool explain)
    {
        var fields = plan.Item.ToFields();
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

    private static void Fail(ItemPlan plan, string why)
    {
        plan.Action = ItemAction.Error;
        plan.Error = $"{plan.Path} ({plan.Item.Class} '{plan.Item.Name}'): {why}; nothing was written for it.";
    }
}
