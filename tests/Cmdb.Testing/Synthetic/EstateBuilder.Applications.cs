namespace Cmdb.Testing.Synthetic;

internal sealed partial class EstateBuilder
{
    /// <summary>Applications of one product domain, by tier (0 = front end, 4 = back end).</summary>
    private sealed record Domain(Tenancy Home, byte Environment, List<int>[] Tiers);

    /// <summary>All hypervisors, in generation order (for picking a typical one).</summary>
    public List<int> AllHypervisors { get; } = [];

    /// <summary>Tier-2 applications, in generation order (for picking a typical mid-tier one).</summary>
    public List<int> MidTierApplications { get; } = [];

    private void BuildApplications(Site[] sites, DataStores stores, int applications)
    {
        foreach (var site in sites) AllHypervisors.AddRange(site.Hypervisors);
        var domainCount = Math.Max(1, (applications + EstateShape.ApplicationsPerDomain - 1) / EstateShape.ApplicationsPerDomain);
        var domains = new Domain[domainCount];
        for (var d = 0; d < domainCount; d++)
        {
            var size = applications / domainCount + (d < applications % domainCount ? 1 : 0);
            var site = sites[d % sites.Length];
            domains[d] = CreateDomain(d, site.Tenancies[d / sites.Length % site.Tenancies.Count], size);
        }

        foreach (var domain in domains)
        {
            for (var tier = 0; tier < domain.Tiers.Length; tier++)
            {
                foreach (var app in domain.Tiers[tier])
                {
                    LinkDependencies(domains, domain, tier, app);
                    var used = PickDataStores(stores, tier);
                    foreach (var store in used) Link(SyntheticRelationshipType.DependsOn, app, store);
                    Deploy(domain.Home, new Placement(domain.Environment, tier, app, used));
                }
            }

            AddBusinessServices(domain);
        }
    }

    private Domain CreateDomain(int index, Tenancy home, int size)
    {
        // One domain in ten is a staging estate; the rest is production.
        var environment = (byte)(index % 10 == 9 ? 2 : 1);
        var tiers = new List<int>[EstateShape.TierWeights.Length];
        var assigned = 0;
        for (var t = 0; t < tiers.Length; t++)
        {
            var count = t == tiers.Length - 1 ? size - assigned : Math.Max(1, (int)Math.Round(size * EstateShape.TierWeights[t]));
            count = Math.Max(0, Math.Min(count, size - assigned));
            tiers[t] = new List<int>(count);
            for (var i = 0; i < count; i++)
            {
                var criticality = t == 0 ? _random.Between(1, 2) : Math.Min(4, 2 + t / 2 + _random.Next(2));
                var app = AddCi(SyntheticKind.Application, environment, criticality);
                tiers[t].Add(app);
                if (t == 2) MidTierApplications.Add(app);
            }

            assigned += count;
        }

        return new Domain(home, environment, tiers);
    }

    /// <summary>Links the application to 3–8 applications of the next tiers, now and then of another domain.</summary>
    private void LinkDependencies(Domain[] domains, Domain domain, int tier, int app)
    {
        if (tier >= domain.Tiers.Length - 1) return;
        var count = _random.Between(EstateShape.MinDependencies, EstateShape.MaxDependencies);
        Span<int> chosen = stackalloc int[EstateShape.MaxDependencies];
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            var from = _random.Chance(EstateShape.CrossDomainDependency) ? domains[_random.Next(domains.Length)] : domain;
            var targetTier = Math.Min(domain.Tiers.Length - 1, tier + (_random.Chance(0.2) ? 2 : 1));
            var candidates = from.Tiers[targetTier];
            if (candidates.Count == 0) continue;
            var target = candidates[_random.Next(candidates.Count)];
            if (chosen[..found].Contains(target)) continue;
            chosen[found++] = target;
            Link(SyntheticRelationshipType.DependsOn, app, target);
        }
    }

    private List<int> PickDataStores(DataStores stores, int tier)
    {
        var used = new List<int>(3);
        var databaseChance = tier >= 3 ? 0.7 : tier == 2 ? 0.35 : tier == 1 ? 0.1 : 0;
        if (_random.Chance(databaseChance)) used.Add(stores.Databases[stores.DatabasePicker.Sample(_random)]);
        if (tier >= 1 && _random.Chance(0.35)) used.Add(stores.Caches[stores.CachePicker.Sample(_random)]);
        if (tier >= 1 && _random.Chance(0.25)) used.Add(stores.Queues[stores.QueuePicker.Sample(_random)]);
        return used;
    }

    private void AddBusinessServices(Domain domain)
    {
        var front = domain.Tiers[0].Count > 0 ? domain.Tiers[0] : domain.Tiers.First(t => t.Count > 0);
        var size = domain.Tiers.Sum(t => t.Count);
        var count = Math.Max(1, size / EstateShape.ApplicationsPerBusinessService);
        for (var b = 0; b < count; b++)
        {
            var service = AddCi(SyntheticKind.BusinessService, domain.Environment, _random.Between(1, 4));
            var links = Math.Min(front.Count, _random.Between(3, 8));
            var start = _random.Next(front.Count);
            for (var i = 0; i < links; i++) Link(SyntheticRelationshipType.DependsOn, service, front[(start + i) % front.Count]);
        }
    }
}
