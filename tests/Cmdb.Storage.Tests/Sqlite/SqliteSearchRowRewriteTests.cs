using System.Globalization;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// An update rewrites a CI's search row (delete + insert in the search file) only when it changes something the row
/// holds: name, identifiers, tags, owner, support group, attribute values. A change of status, environment, criticality
/// or minimum healthy leaves the row as it is, and search answers as before.
/// </summary>
public sealed class SqliteSearchRowRewriteTests : SqliteFileTests
{
    [Fact]
    public async Task UpdateCi_OnlyFieldsSearchLeavesOut_KeepsTheSearchRowAndItsAnswers()
    {
        await using var store = await OpenAsync();
        var id = await CreateAsync(store);
        var before = Origin(store, id);
        var hits = await store.SearchAsync("alpha", 5, CancellationToken.None);

        var result = await store.ApplyAsync(WriteBatch.Of(new UpdateCi(id, 1, new CiFields
        {
            Status = CiStatus.Maintenance,
            Environment = "test",
            Criticality = 1,
            MinHealthy = 2,
        })), Actor.System, CancellationToken.None);

        Assert.Equal(WriteOutcome.Updated, result.Results[0].Outcome);
        Assert.Equal(before, Origin(store, id)); // the row was not deleted and inserted again
        var after = await store.SearchAsync("alpha", 5, CancellationToken.None);
        Assert.Equal(hits.Select(h => (h.Ci.Id, h.Score)), after.Select(h => (h.Ci.Id, h.Score)));
        Assert.Equal(2, Assert.Single(after).Ci.Version); // the hit is the CI as it is now
        Assert.Equal("test", after[0].Ci.Environment);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("owner")]
    [InlineData("supportGroup")]
    [InlineData("tags")]
    [InlineData("attributes")]
    [InlineData("identifiers")]
    public async Task UpdateCi_ASearchedField_RewritesTheRow(string field)
    {
        await using var store = await OpenAsync();
        var id = await CreateAsync(store);
        var before = Origin(store, id);
        var fields = field switch
        {
            "name" => new CiFields { Name = "bravo", Status = CiStatus.Maintenance },
            "owner" => new CiFields { Owner = "bravo" },
            "supportGroup" => new CiFields { SupportGroup = "bravo" },
            "tags" => new CiFields { Tags = ["bravo"] },
            "attributes" => new CiFields { Attributes = new() { ["note"] = "bravo" } },
            _ => new CiFields { Identifiers = new Dictionary<string, string> { ["fqdn"] = "bravo.example" } },
        };

        await store.ApplyAsync(WriteBatch.Of(new UpdateCi(id, 1, fields)), Actor.System, CancellationToken.None);

        Assert.NotEqual(before, Origin(store, id));
        Assert.Equal(id, Assert.Single(await store.SearchAsync("bravo", 5, CancellationToken.None)).Ci.Id);
    }

    private static async Task<string> CreateAsync(SqliteCmdbStore store)
    {
        var created = await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = "alpha",
            Environment = "prod",
            Owner = "svc owner",
            SupportGroup = "team prod",
            Tags = ["web"],
            Attributes = new() { ["note"] = "alpha words", ["port"] = 8080 },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "alpha" },
        })), Actor.System, CancellationToken.None);
        return created.Results[0].EntityId;
    }

    /// <summary>FTS5's origin of the CI's row (<c>contentless_delete</c>): a row inserted again by a later batch gets a later one.</summary>
    private long Origin(SqliteCmdbStore store, string id)
    {
        var rid = Convert.ToInt64(Scalar($"SELECT rid FROM ci WHERE id = '{id}'"), CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection($"Data Source={store.SearchFilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT origin FROM ci_fts_docsize WHERE id = {rid}";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
