using System.Text.Json;
using Cmdb.Domain.Storage;
using Cmdb.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Host.Tests.Hosting;

public sealed class DemoEstateSeedingTests
{
    private static int DemoEstateCiCount()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(StoreProbe.ShippedDemoEstate));
        return document.RootElement.GetProperty("cis").GetArrayLength();
    }

    private static async Task<int> StartAndCountAsync(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var factory = new CmdbAppFactory(databasePath, settings);
        using var client = factory.CreateClient(); // starts the host, and with it the seeding
        return await StoreProbe.CountCisAsync(factory.Services.GetRequiredService<ICmdbStore>());
    }

    [Fact]
    public async Task Start_OnEmptyDatabase_SeedsTheDemoEstateOnce()
    {
        using var directory = new TempDirectory();
        var databasePath = directory.File("cmdb.db");

        var first = await StartAndCountAsync(databasePath);
        var second = await StartAndCountAsync(databasePath);

        Assert.True(first > 0);
        Assert.Equal(DemoEstateCiCount(), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Start_WithSeedingOff_LeavesTheStoreEmpty()
    {
        using var directory = new TempDirectory();

        var count = await StartAndCountAsync(directory.File("cmdb.db"), new Dictionary<string, string?> { ["Cmdb:Seed:LoadDemoEstate"] = "false" });

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Start_WithCustomDemoEstatePath_SeedsThatDocument()
    {
        using var directory = new TempDirectory();
        var estate = directory.Write("estate.json", """
            { "cis": [ { "class": "BusinessService", "name": "Payroll", "identifiers": { "cmdb.key": "svc/payroll" } } ] }
            """);

        var count = await StartAndCountAsync(directory.File("cmdb.db"), new Dictionary<string, string?> { ["Cmdb:Seed:DemoEstatePath"] = estate });

        Assert.Equal(1, count);
    }
}
