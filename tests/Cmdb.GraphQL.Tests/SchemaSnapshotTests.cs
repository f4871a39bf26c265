using Cmdb.GraphQL.Tests.Support;
using Cmdb.Testing;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Tests;

/// <summary>
/// graphql/schema.graphql is the reviewed API surface. After an intended change, regenerate it with
/// <c>CMDB_UPDATE_SCHEMA=1 dotnet test tests/Cmdb.GraphQL.Tests --filter SchemaSnapshot</c> and commit the diff.
/// </summary>
public sealed class SchemaSnapshotTests
{
    private const string UpdateVariable = "CMDB_UPDATE_SCHEMA";

    [Fact]
    public async Task PrintedSchema_MatchesTheCommittedFile()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepoPaths.Root, "graphql", "schema.graphql");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(path, printed);
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";

        Assert.True(
            committed == printed,
            $"The running schema differs from {path}. If the change is intended, regenerate the file with " +
            $"`{UpdateVariable}=1 dotnet test tests/Cmdb.GraphQL.Tests --filter SchemaSnapshot` and commit it for review. " +
            $"First difference at line {FirstDifference(committed, printed)}.");
    }

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i]) return i + 1;
        }

        return Math.Min(x.Length, y.Length) + 1;
    }
}
