using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cmdb.GraphQL.Tests.Support;

/// <summary>
/// The schema over a real SQLite store on a temp file, executed the way the host does: IDocumentExecuter and
/// ISchema from DI, a scope per request, the DI serializer for the response.
/// </summary>
public sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _services;

    private GraphQLTestHost(string directory, ServiceProvider services, CountingStore store, FakeTimeProvider time)
    {
        _directory = directory;
        _services = services;
        Store = store;
        Time = time;
    }

    /// <summary>Name of the discovery source every test host has: the shop compose fixture, manual runs only.</summary>
    public const string ComposeSource = "shop-compose";

    /// <summary>The discovery configuration of every test host.</summary>
    public static IReadOnlyDictionary<string, string?> DiscoverySettings { get; } = new Dictionary<string, string?>
    {
        [$"Cmdb:Discovery:Sources:{ComposeSource}:Kind"] = "compose",
        [$"Cmdb:Discovery:Sources:{ComposeSource}:Enabled"] = "false",
        [$"Cmdb:Discovery:Sources:{ComposeSource}:Settings:Files:0:Path"] =
            Path.Combine(RepoPaths.Root, "tests", "Cmdb.Discovery.Tests", "Data", "Compose", "shop", "docker-compose.yml"),
    };

    public CountingStore Store { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    /// <param name="configure">GraphQL options, after binding.</param>
    /// <param name="settings">Extra configuration (e.g. more discovery sources), over <see cref="DiscoverySettings"/>.</param>
    public static async Task<GraphQLTestHost> StartAsync(Action<CmdbGraphQLOptions>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cmdb-graphql-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(DiscoverySettings).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(TestModels.Seed);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(sp => new CountingStore(new SqliteCmdbStore(
            new SqliteStorageOptions { DatabasePath = Path.Combine(directory, "cmdb.db") }, sp.GetRequiredService<ModelCatalog>(), time)));
        services.AddSingleton<ICmdbStore>(sp => sp.GetRequiredService<CountingStore>());
        services.AddSqliteStorage(o => o.DatabasePath = Path.Combine(directory, "cmdb.db"));
        services.AddCmdbGraphQL(configure);
        services.AddDiscoveryEngine(); // no scheduler: discovery runs only when a test triggers it
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var store = provider.GetRequiredService<CountingStore>();
        await store.InitializeAsync(CancellationToken.None);
        return new GraphQLTestHost(directory, provider, store, time);
    }

    /// <summary>Runs one request and returns the serialized response, exactly as the host would send it.</summary>
    public async Task<string> ExecuteJsonAsync(string query, string? variablesJson = null, Actor? actor = null, string? operationName = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        var options = new ExecutionOptions
        {
            Query = query,
            OperationName = operationName,
            Schema = scope.ServiceProvider.GetRequiredService<ISchema>(),
            Variables = variablesJson is null ? null : serializer.Deserialize<Inputs>(variablesJson),
            RequestServices = scope.ServiceProvider,
            CancellationToken = CancellationToken.None,
        };
        if (actor is not null) options.UserContext[CmdbUserContext.ActorKey] = actor;
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options);
        return serializer.Serialize(result);
    }

    /// <summary>Runs one request and parses the response.</summary>
    public async Task<JsonObject> ExecuteAsync(string query, string? variablesJson = null, Actor? actor = null, string? operationName = null) =>
        JsonNode.Parse(await ExecuteJsonAsync(query, variablesJson, actor, operationName))!.AsObject();

    /// <summary>Runs one request that must succeed, and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, string? variablesJson = null, Actor? actor = null, string? operationName = null)
    {
        var response = await ExecuteAsync(query, variablesJson, actor, operationName);
        Assert.True(response["errors"] is null, $"Unexpected errors: {response["errors"]?.ToJsonString()}");
        return response["data"]!.AsObject();
    }

    /// <summary>Writes directly through the store, a minute after the previous write.</summary>
    public async Task<WriteResult> ApplyAsync(params WriteOperation[] operations)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        return await Store.Inner.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);
    }

    public CmdbGraphQLOptions Options => _services.GetRequiredService<IOptions<CmdbGraphQLOptions>>().Value;

    public async ValueTask DisposeAsync()
    {
        if (Store.Inner is IAsyncDisposable d) await d.DisposeAsync();
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may outlive the store briefly; the temp folder is harmless.
        }
    }
}
