using Cmdb.Domain.Model;
using System.Text.Json;
using Cmdb.Host.Cli;
using Cmdb.Host.Tests.Support;

namespace Cmdb.Host.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private const string SmallEstate = """
        {
          "cis": [
            { "class": "BusinessService", "name": "Online shop", "identifiers": { "cmdb.key": "svc/shop" } },
            { "class": "Application", "name": "Storefront", "identifiers": { "cmdb.key": "app/storefront" } }
          ],
          "relationships": [
            { "type": "DEPENDS_ON", "source": { "cmdb.key": "svc/shop" }, "target": { "cmdb.key": "app/storefront" } }
          ]
        }
        """;

    private readonly TempDirectory _directory = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private string DatabasePath => _directory.File("cmdb.db");

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _directory.Dispose();
    }

    private Task<int?> RunAsync(params string[] args) =>
        CommandLine.TryRunAsync([.. args, $"--Cmdb:Storage:Sqlite:DatabasePath={DatabasePath}"], _output, _error);

    [Fact]
    public async Task Import_GoodFile_PrintsCountsAndExits0()
    {
        var file = _directory.Write("estate.json", SmallEstate);

        var exitCode = await RunAsync("import", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("created 3, updated 0, unchanged 0", _output.ToString());
        Assert.Contains("CIs: 2 created", _output.ToString());
        Assert.Equal("", _error.ToString());
        Assert.Equal(2, await StoreProbe.CountCisAsync(DatabasePath));
    }

    [Fact]
    public async Task Import_DemoEstateTwice_SecondRunLeavesEverythingUnchanged()
    {
        int ciCount;
        using (var document = JsonDocument.Parse(File.ReadAllText(StoreProbe.ShippedDemoEstate)))
            ciCount = document.RootElement.GetProperty("cis").GetArrayLength();

        var first = await RunAsync("import", StoreProbe.ShippedDemoEstate);
        var second = await RunAsync("import", StoreProbe.ShippedDemoEstate);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"CIs: {ciCount} created, 0 updated, 0 unchanged", lines[0]);
        Assert.Contains("created 0, updated 0, unchanged", lines[1]);
        Assert.Equal(ciCount, await StoreProbe.CountCisAsync(DatabasePath));
    }

    [Fact]
    public async Task Import_MalformedJson_Exits1AndWritesNothing()
    {
        await RunAsync("import", _directory.Write("good.json", SmallEstate));
        var bad = _directory.Write("bad.json", "{ \"cis\": [ { \"class\": \"Application\", ");

        var exitCode = await RunAsync("import", bad);

        Assert.Equal(1, exitCode);
        Assert.Contains("not valid JSON", _error.ToString());
        Assert.Contains("Nothing was imported.", _error.ToString());
        Assert.Equal(2, await StoreProbe.CountCisAsync(DatabasePath));
    }

    [Fact]
    public async Task Import_UnknownClass_Exits1NamingThePathAndWritesNothing()
    {
        var file = _directory.Write("estate.json", """
            {
              "cis": [
                { "class": "Application", "name": "Storefront", "identifiers": { "cmdb.key": "app/storefront" } },
                { "class": "Spaceship", "name": "Enterprise", "identifiers": { "cmdb.key": "ncc-1701" } }
              ]
            }
            """);

        var exitCode = await RunAsync("import", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("cis[1]", _error.ToString());
        Assert.Contains("Spaceship", _error.ToString());
        Assert.Equal(0, await StoreProbe.CountCisAsync(DatabasePath));
    }

    [Fact]
    public async Task Import_WithExtraModelFileConfigured_AcceptsItsClasses()
    {
        var extraModel = _directory.Write("extra-model.json", """
            { "classes": [ { "name": "Spaceship", "extends": "ConfigurationItem", "description": "A test class." } ] }
            """);
        var file = _directory.Write("estate.json", """
            { "cis": [ { "class": "Spaceship", "name": "Enterprise", "identifiers": { "cmdb.key": "ncc-1701" } } ] }
            """);

        var exitCode = await RunAsync("import", file, $"--Cmdb:Model:Files:0={StoreProbe.ShippedModel}", $"--Cmdb:Model:Files:1={extraModel}");

        Assert.Equal(0, exitCode);
        Assert.Contains("CIs: 1 created", _output.ToString());
    }

    [Fact]
    public async Task Import_WithMissingModelFileConfigured_Exits1NamingIt()
    {
        var file = _directory.Write("estate.json", SmallEstate);
        var missing = _directory.File("missing-model.json");

        var exitCode = await RunAsync("import", file, $"--Cmdb:Model:Files:0={missing}");

        Assert.Equal(1, exitCode);
        Assert.Contains($"'{missing}', which does not exist", _error.ToString());
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Import_WhileAnotherProcessHoldsTheDatabase_Exits1SayingItIsInUse()
    {
        var file = _directory.Write("estate.json", SmallEstate);
        await using var server = new Cmdb.Storage.Sqlite.SqliteCmdbStore(
            new Cmdb.Storage.Sqlite.SqliteStorageOptions { DatabasePath = DatabasePath }, ModelLoader.Load(StoreProbe.ShippedModel), TimeProvider.System);
        await server.InitializeAsync(CancellationToken.None);

        var exitCode = await RunAsync("import", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("already open in another Cmdb process", _error.ToString());
        Assert.Contains("Nothing was imported", _error.ToString());
        Assert.Equal(0, await StoreProbe.CountCisAsync(server));
    }

    [Fact]
    public async Task Import_MissingFile_Exits1NamingIt()
    {
        var missing = _directory.File("nowhere.json");

        var exitCode = await RunAsync("import", missing);

        Assert.Equal(1, exitCode);
        Assert.Contains("nowhere.json", _error.ToString());
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Import_WithoutFile_PrintsUsageAndExits2()
    {
        var exitCode = await CommandLine.TryRunAsync(["import"], _output, _error);

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", _error.ToString());
    }

    [Fact]
    public async Task Schema_PrintsTheSdl()
    {
        var exitCode = await RunAsync("schema");

        Assert.Equal(0, exitCode);
        Assert.Contains("type Query", _output.ToString());
        Assert.Contains("type Mutation", _output.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("serve")]
    public async Task TryRun_WithoutCommand_ReturnsNullToRunTheServer(params string[] args)
    {
        Assert.Null(await CommandLine.TryRunAsync(args, _output, _error));
    }
}
