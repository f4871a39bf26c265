namespace Cmdb.Testing.Synthetic;

internal sealed partial class EstateBuilder
{
    /// <summary>Shared databases, caches and queues, most popular first, with samplers that favour the popular ones.</summary>
    private sealed record DataStores(List<int> Databases, ZipfSampler DatabasePicker, List<int> Caches, ZipfSampler CachePicker,
        List<int> Queues, ZipfSampler QueuePicker);

    /// <summary>The databases ordered by popularity: index 0 is the one most applications use.</summary>
    public List<int> DatabasesByPopularity { get; private set; } = [];

    private DataStores BuildDataStores(Site[] sites, int applications)
    {
        var databases = new List<int>();
        var databaseCount = Math.Max(2, applications / EstateShape.ApplicationsPerDatabase);
        var replicated = Math.Max(1, (int)Math.Round(databaseCount * EstateShape.ReplicatedDatabaseShare));
        for (var rank = 0; rank < databaseCount; rank++)
        {
            var site = sites[rank % sites.Length];
            var db = AddCi(SyntheticKind.Database);
            if (rank < replicated)
            {
                // The popular databases run on bare-metal replica sets: any two of three replicas keep them up.
                var set = AddCi(SyntheticKind.DatabaseReplicaSet, minHealthy: 2);
                for (var r = 0; r < 3; r++) Link(SyntheticRelationshipType.MemberOf, Site.Next(site.PhysicalServers, ref site.PhysicalCursor), set);
                Link(SyntheticRelationshipType.RunsOn, db, set);
            }
            else
            {
                Link(SyntheticRelationshipType.RunsOn, db, Site.Next(site.DataStoreVms, ref site.DataStoreVmCursor));
            }

            databases.Add(db);
        }

        DatabasesByPopularity = databases;
        var caches = StoresOn(sites, SyntheticKind.Cache, Math.Max(1, applications / EstateShape.ApplicationsPerCache));
        var queues = StoresOn(sites, SyntheticKind.Queue, Math.Max(1, applications / EstateShape.ApplicationsPerQueue));
        return new DataStores(
            databases, new ZipfSampler(databases.Count, EstateShape.DatabaseZipfExponent),
            caches, new ZipfSampler(caches.Count, EstateShape.CacheZipfExponent),
            queues, new ZipfSampler(queues.Count, EstateShape.QueueZipfExponent));
    }

    private List<int> StoresOn(Site[] sites, SyntheticKind kind, int count)
    {
        var stores = new List<int>(count);
        for (var rank = 0; rank < count; rank++)
        {
            var site = sites[rank % sites.Length];
            var store = AddCi(kind);
            Link(SyntheticRelationshipType.RunsOn, store, Site.Next(site.DataStoreVms, ref site.DataStoreVmCursor));
            stores.Add(store);
        }

        return stores;
    }
}
