using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Host.Tests.Support;

/// <summary>Opens a database file outside any host to see what is stored in it.</summary>
public static class StoreProbe
{
    public static string ShippedModel => Path.Combine(AppContext.BaseDirectory, "seed", "model.json");

    public static string ShippedDemoEstate => Path.Combine(AppContext.BaseDirectory, "seed", "demo-estate.json");

    public static async Task<int> CountCisAsync(string databasePath)
    {
        if (!File.Exists(databasePath)) return 0;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(ModelLoader.Load(ShippedModel));
        services.AddSqliteStorage(o => o.DatabasePath = databasePath);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ICmdbStore>();
        await store.InitializeAsync(CancellationToken.None);
        return await CountCisAsync(store);
    }

    public static async Task<int> CountCisAsync(ICmdbStore store) =>
        (await store.QueryCisAsync(CiFilter.None, 1, null, null, CancellationToken.None)).TotalCount;
}
