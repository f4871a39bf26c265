using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Identifies every item against the store's identifier map (one batched lookup) and the items planned before it,
    /// and decides create / update / unchanged / conflict / error. Reads CIs only for items whose fingerprint changed.
    /// </summary>
    private async Task<List<ItemPlan>> PlanItemsAsync(
        string source, DiscoveryBatch batch, SourceState state, IReadOnlyDictionary<(string Scheme, string Value), string> holders,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plans = new List<ItemPlan>(batch.Scopes.Sum(s => s.Items.Count));
        var pending = new Dictionary<(string, string), int>();
        var toLoad = new List<ItemPlan>();
        foreach (var scope in batch.Scopes)
        {
            var sightings = state.CisOf(scope.Scope);
            for (var i = 0; i < scope.Items.Count; i++)
            {
                var plan = new ItemPlan(scope.Scope, i, scope.Items[i]);
                plans.Add(plan);
                PlanOne(plan, sightings, holders, pending, plans.Count - 1, now, toLoad);
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
                PlanUpdate(plan, source, now);
            }
        }

        return plans;
    }

    private void PlanOne(
        ItemPlan plan, Dictionary<string, Domain.Discovery.CiSighting> sightings, IReadOnlyDictionary<(string Scheme, string Value), string> holders,
        Dictionary<(string, string), int> pending, int planIndex, DateTimeOffset now, List<ItemPlan> toLoad)
    {
        var item = plan.Item;
        if (!_store.Model.TryGetClass(item.Class, out var ciClass))
        {
            Fail(plan, $"class '{item.Class}' is not in the model");
            return;
        }

        plan.Class = ciClass;
        plan.Fingerprint = Fingerprint.Of(item, _precedence.Salt);
        var matches = new List<string>(2);
        var carriesSet = false;
        foreach (var set in _store.Model.IdentificationRule(ciClass))
        {
            if (!CarriesAll(set, item.Identifiers)) continue;
            carriesSet = true;
            string? holder = null;
            foreach (var scheme in set)
            {
                var h = HolderOf(holders, pending, scheme, item.Identifiers[scheme]);
                if (h is null || (holder is not null && h != holder)) { holder = null; break; }
                holder = h;
            }

            if (holder is not null && !matches.Contains(holder)) matches.Add(holder);
        }

        foreach (var (scheme, value) in item.Identifiers)
        {
            // Without a complete rule set any identifier may match; with one, an identifier held by a CI the rule did not
            // match would make the write fail (identifiers are unique), so it counts as a second candidate.
            var h = HolderOf(holders, pending, scheme, value);
            if (h is null || matches.Contains(h)) continue;
            if (!carriesSet || matches.Count > 0) matches.Add(h);
            else
            {
                Fail(plan, $"the identifier {scheme}={Shorten(value)} already belongs to CI {h}, which the identification rule does not match");
                return;
            }
        }

        if (matches.Count > 1)
        {
            plan.Action = ItemAction.Conflict;
            plan.Candidates = [.. matches.Select(m => m.StartsWith('#') ? "(new in this run)" : m)];
            return;
        }

        if (matches.Count == 0 || matches[0].StartsWith('#'))
        {
            PlanCreate(plan, ciClass, now);
            if (plan.Action == ItemAction.Create) foreach (var pair in item.Identifiers) pending.TryAdd((pair.Key, pair.Value), planIndex);
            return;
        }

        plan.CiId = matches[0];
        plan.Sighting = sightings.GetValueOrDefault(plan.CiId);
        if (plan.Sighting is { Retired: false } s && s.Fingerprint == plan.Fingerprint) plan.Action = ItemAction.Unchanged;
        else toLoad.Add(plan);
    }

    private void PlanCreate(ItemPlan plan, Domain.Model.CiClass ciClass, DateTimeOffset now)
    {
        var fields = plan.Item.ToFields();
        try
        {
            CiMerge.Apply(_store.Model, ciClass, null, "new", fields, _validationActor, now, plan.Path);
        }
        catch (CmdbException e)
        {
            Fail(plan, e.Message);
            return;
        }

        plan.Action = ItemAction.Create;
        plan.Fields = fields;
    }

    private static string? HolderOf(
        IReadOnlyDictionary<(string Scheme, string Value), string> holders, Dictionary<(string, string), int> pending, string scheme, string value) =>
        holders.TryGetValue((scheme, value), out var id) ? id : pending.TryGetValue((scheme, value), out var p) ? "#" + p : null;

    private static bool CarriesAll(IReadOnlyList<string> set, IReadOnlyDictionary<string, string> identifiers)
    {
        if (set.Count == 0) return false;
        foreach (var scheme in set)
        {
            if (!identifiers.ContainsKey(scheme)) return false;
        }

        return true;
    }

    private static void Fail(ItemPlan plan, string why)
    {
        plan.Action = ItemAction.Error;
        plan.Error = $"{plan.Path} ({plan.Item.Class} '{plan.Item.Name}'): {why}; nothing was written for it.";
    }
}
