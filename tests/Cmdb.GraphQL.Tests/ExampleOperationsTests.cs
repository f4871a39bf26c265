using System.Text.Json.Nodes;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.GraphQL.Tests.Support;
using Cmdb.Testing;

namespace Cmdb.GraphQL.Tests;

/// <summary>
/// Runs every graphql/examples/*.graphql against the demo estate (seed/demo-estate.json), so the examples cannot go
/// stale. Variables come from a NAME.json file next to the example; a string variable written "@scheme=value" is
/// replaced by the id of the CI holding that identifier (ids are generated at import).
/// </summary>
public sealed class ExampleOperationsTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private readonly DemoEstate _estate;

    public ExampleOperationsTests(DemoEstate estate) => _estate = estate;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "graphql", "examples"), "*.graphql").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Examples_CoverTheMainOperations() => Assert.True(Examples().Count >= 8, $"{Examples().Count} examples");

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_RunsAgainstTheDemoEstate_WithoutErrorsAndWithData(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "graphql", "examples", name);
        var variablesPath = Path.ChangeExtension(path, ".json");
        var variables = File.Exists(variablesPath) ? await ResolveAsync(JsonNode.Parse(await File.ReadAllTextAsync(variablesPath))!.AsObject()) : null;

        var response = await _estate.Host.ExecuteAsync(await File.ReadAllTextAsync(path), variables?.ToJsonString(), new Actor(ActorKind.User, "examples"));

        Assert.True(response["errors"] is null, $"{name}: {response["errors"]?.ToJsonString()}");
        var data = response["data"]!.AsObject();
        Assert.NotEmpty(data);
        Assert.All(data, field => Assert.True(IsNonEmpty(field.Value), $"{name}: '{field.Key}' is empty: {data.ToJsonString()}"));
    }

    private async Task<JsonObject> ResolveAsync(JsonObject variables)
    {
        foreach (var (key, value) in variables.ToArray())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('@'))
            {
                var (scheme, identifier) = (s[1..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                var ci = await _estate.Host.Store.Inner.FindByIdentifierAsync(scheme, identifier, null, default)
                    ?? throw new InvalidOperationException($"No CI holds {s[1..]} in the demo estate.");
                variables[key] = ci.Id;
            }
        }

        return variables;
    }

    private static bool IsNonEmpty(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0 && o.Any(p => IsNonEmpty(p.Value) || p.Value is JsonValue),
        _ => true,
    };

    /// <summary>One store with the demo estate imported, shared by the examples.</summary>
    public sealed class DemoEstate : IAsyncLifetime
    {
        public GraphQLTestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await GraphQLTestHost.StartAsync();
            await using var file = File.OpenRead(Path.Combine(RepoPaths.Root, "seed", "demo-estate.json"));
            var batch = ImportDocumentReader.Read(file);
            await Host.ApplyAsync([.. batch.Operations]);
            Host.Time.Advance(TimeSpan.FromHours(1));
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
