using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The lean read of id, class and name answers as the whole-document read does, now and in the past.</summary>
public sealed class SqliteCiHeaderTests : SqliteFileTests
{
    [Fact]
    public async Task GetCiHeadersAsync_AfterARename_MatchesTheWholeReadNowAndBefore()
    {
        await using var store = await OpenAsync();
        var ids = (await ApplyAsync(store, Vm("vm-1", "uuid-1"), Vm("vm-2", "uuid-2"))).Results.Select(r => r.EntityId).ToArray();
        var before = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await ApplyAsync(store, new UpdateCi(ids[0], 1, new CiFields { Name = "vm-1-renamed" }));
        string[] asked = [.. ids, ids[0], "01JUNKNOWN0000000000000000"];

        foreach (var asOf in new DateTimeOffset?[] { null, before })
        {
            var whole = await store.GetCisAsync(asked, asOf, CancellationToken.None);
            var headers = await store.GetCiHeadersAsync(asked, asOf, CancellationToken.None);

            Assert.Equal(whole.Keys.Order(StringComparer.Ordinal), headers.Keys.Order(StringComparer.Ordinal));
            Assert.All(whole.Values, ci => Assert.Equal(new CiHeader(ci.Id, ci.Class, ci.Name), headers[ci.Id]));
        }

        Assert.Equal("vm-1-renamed", (await store.GetCiHeadersAsync([ids[0]], null, CancellationToken.None))[ids[0]].Name);
        Assert.Equal("vm-1", (await store.GetCiHeadersAsync([ids[0]], before, CancellationToken.None))[ids[0]].Name);
    }

    [Fact]
    public async Task GetCiHeadersAsync_NoIds_ReturnsNothing()
    {
        await using var store = await OpenAsync();

        Assert.Empty(await store.GetCiHeadersAsync([], null, CancellationToken.None));
    }

    [Fact]
    public async Task GetCiHeadersAsync_NullIds_ThrowsArgumentNull()
    {
        await using var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetCiHeadersAsync(null!, null, CancellationToken.None));
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);

    private static UpsertCi Vm(string name, string uuid) => new(null, WellKnown.Classes.VirtualMachine, new CiFields
    {
        Name = name,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.VmUuid] = uuid },
    });
}
