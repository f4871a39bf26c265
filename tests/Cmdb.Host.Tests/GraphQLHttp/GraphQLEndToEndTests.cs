using System.Net;
using System.Text.Json;
using Cmdb.Domain.Items;
using Cmdb.Host.GraphQLHttp;
using Cmdb.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

/// <summary>The schema, the store and the endpoint together, over the seeded demo estate.</summary>
public sealed class GraphQLEndToEndTests(SeededHostFixture host) : IClassFixture<SeededHostFixture>
{
    private const string ImportMutation = "mutation($doc: JSON!) { importGraph(document: $doc) { created unchanged } }";
    private const string HistoryQuery = "query($key: String!) { ciByIdentifier(scheme: \"cmdb.key\", value: $key) { history { edges { node { actor } } } } }";

    private static async Task<JsonElement> DataAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.SendAsync(PostQuery(query, GraphQLResponse, variables));
        var body = await BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    private static async Task<string> LatestActorAsync(HttpClient client, string key)
    {
        var data = await DataAsync(client, HistoryQuery, new { key });
        return data.GetProperty("ciByIdentifier").GetProperty("history").GetProperty("edges")[0].GetProperty("node").GetProperty("actor").GetString()!;
    }

    private static object Document(string key) => new
    {
        cis = new[] { new Dictionary<string, object> { ["class"] = "Application", ["name"] = key, ["identifiers"] = new Dictionary<string, string> { ["cmdb.key"] = key } } },
    };

    [Fact]
    public async Task Query_CisTotalCount_CountsTheSeededDemoEstate()
    {
        var data = await DataAsync(host.Client, "{ cis(first: 1) { totalCount } }");

        Assert.Equal(await StoreProbe.CountCisAsync(host.Factory.Services.GetRequiredService<Cmdb.Domain.Storage.ICmdbStore>()), data.GetProperty("cis").GetProperty("totalCount").GetInt32());
        Assert.True(data.GetProperty("cis").GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task SeededCi_History_NamesTheSeedActor()
    {
        Assert.Equal("system:seed", await LatestActorAsync(host.Client, "location/fra1"));
    }

    [Fact]
    public async Task ImportGraph_OverPost_IsAuditedUnderTheAnonymousUser()
    {
        var data = await DataAsync(host.Client, ImportMutation, new { doc = Document("e2e/anonymous") });

        Assert.Equal(1, data.GetProperty("importGraph").GetProperty("created").GetInt32());
        Assert.Equal("user:anonymous", await LatestActorAsync(host.Client, "e2e/anonymous"));
    }

    [Fact]
    public async Task ImportGraph_WithAnotherActorResolver_IsAuditedUnderThatActor()
    {
        // Its own database: two hosts must never share one store file.
        using var directory = new TempDirectory();
        using var baseFactory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?> { ["Cmdb:Seed:LoadDemoEstate"] = "false" });
        using var factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(
            services => services.AddSingleton<IRequestActorResolver>(new FixedActorResolver(new Actor(ActorKind.ApiKey, "ci-bot")))));
        using var client = factory.CreateClient();

        await DataAsync(client, ImportMutation, new { doc = Document("e2e/api-key") });

        Assert.Equal("apikey:ci-bot", await LatestActorAsync(client, "e2e/api-key"));
    }

    private sealed class FixedActorResolver(Actor actor) : IRequestActorResolver
    {
        public ValueTask<Actor> ResolveAsync(HttpContext context, CancellationToken cancellationToken) => ValueTask.FromResult(actor);
    }
}
