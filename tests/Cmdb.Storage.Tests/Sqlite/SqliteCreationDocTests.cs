using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The store writes a new CI's snapshot straight from the write's fields (<see cref="CreationDoc"/>): it must be byte for
/// byte what <see cref="CiMerge.Create(ModelCatalog, CiClass, string, CiFields, Actor, DateTimeOffset, string?)"/>'s CI
/// gives, refuse the same bad writes with the same error, and index the same search text.
/// </summary>
public sealed class SqliteCreationDocTests : SqliteFileTests
{
    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        foreach (var seed in Enumerable.Range(1, 30)) data.Add(seed, seed % 2 == 0 ? 1 : int.MaxValue); // pipelined or not
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ApplyAsync_VariedNewCi_StoresTheSnapshotCiMergeCreateGives(int seed, int pipelineFrom)
    {
        await using var store = await OpenAsync();
        store.PipelineOperations = pipelineFrom;
        var (ciClass, fields) = CreationAuditFields.Random(Model, seed);

        var id = (await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, ciClass.Name, fields)), Actor.System, CancellationToken.None)).Results[0].EntityId;

        var expected = CiMerge.Create(Model, ciClass, id, fields, Actor.System, Time.GetUtcNow(), null);
        Assert.Equal(CreationAuditTests.Snapshot(expected), StoredDoc(id));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AttributeValues_SortedNonNullPairs_SameTextAsTheCreatedCi(int seed, int unused)
    {
        _ = unused;
        var (ciClass, fields) = CreationAuditFields.Random(Model, seed);
        var created = CiMerge.Create(Model, ciClass, "01J0000000000000000000000A", fields, Actor.System, Time.GetUtcNow(), null);
        var pairs = (fields.Attributes ?? []).Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();

        Assert.Equal(SearchText.AttributeValues(created.Attributes), SearchText.AttributeValues(pairs));
    }

    [Theory]
    [InlineData("abstract")]
    [InlineData("no name")]
    [InlineData("required attribute")]
    [InlineData("required attribute null")]
    [InlineData("criticality")]
    [InlineData("identifier scheme")]
    public async Task ApplyAsync_BadNewCi_SameErrorAsCiMergeCreateAndNothingWritten(string bad)
    {
        await using var store = await OpenAsync();
        var (className, fields) = bad switch
        {
            "abstract" => ("DataStore", new CiFields { Name = "x" }),
            "no name" => (WellKnown.Classes.Application, new CiFields { Owner = "ann" }),
            "required attribute" => ("Database", new CiFields { Name = "db" }),
            "required attribute null" => ("Database", new CiFields { Name = "db", Attributes = new JsonObject { ["engine"] = null } }),
            "criticality" => (WellKnown.Classes.Application, new CiFields { Name = "x", Criticality = 9 }),
            _ => (WellKnown.Classes.Application, new CiFields { Name = "x", Identifiers = new Dictionary<string, string> { ["Bad Scheme"] = "v" } }),
        };
        var fromCreate = Assert.Throws<CmdbException>(() =>
            CiMerge.Create(Model, Model.GetClass(className), "id", fields, Actor.System, Time.GetUtcNow(), "operations[0]"));

        var fromStore = await Assert.ThrowsAsync<CmdbException>(() =>
            store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, className, fields)), Actor.System, CancellationToken.None));

        Assert.Equal((fromCreate.Code, fromCreate.Message), (fromStore.Code, fromStore.Message));
        Assert.Equal(0, TableRows.Count(Database.Path, ["ci"])["ci"]);
    }

    private string StoredDoc(string id)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT doc FROM ci_version WHERE ci_id = $id AND version = 1";
        cmd.Parameters.AddWithValue("$id", id);
        return (string)cmd.ExecuteScalar()!;
    }
}
