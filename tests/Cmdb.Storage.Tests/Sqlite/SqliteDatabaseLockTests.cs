using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The embedded store serves one process: a second opener of the same file is refused, not served stale.</summary>
public sealed class SqliteDatabaseLockTests : SqliteFileTests
{

    [Fact]
    public async Task InitializeAsync_FileOpenInAnotherStore_FailsNamingTheFileAndLeavesTheFirstWorking()
    {
        await using var first = await OpenAsync();
        await using var second = NewStore();

        var error = await Assert.ThrowsAsync<IOException>(() => second.InitializeAsync(CancellationToken.None));

        Assert.Contains("already open in another Cmdb process", error.Message, StringComparison.Ordinal);
        Assert.Contains(Database.Path, error.Message, StringComparison.Ordinal);
        var result = await first.ApplyAsync(WriteBatch.Of(NewHost("web-01")), Actor.System, CancellationToken.None);
        Assert.Equal(WriteOutcome.Created, result.Results[0].Outcome);
    }

    [Fact]
    public async Task InitializeAsync_AfterTheFirstStoreIsDisposed_OpensAndSeesItsWrites()
    {
        await using (var first = await OpenAsync())
        {
            await first.ApplyAsync(WriteBatch.Of(NewHost("web-01")), Actor.System, CancellationToken.None);
        }

        await using var reopened = await OpenAsync();

        var found = await reopened.FindByIdentifierAsync("fqdn", "web-01.example.test", null, CancellationToken.None);
        Assert.NotNull(found);
    }


    private static UpsertCi NewHost(string name) => new(null, WellKnown.Classes.LinuxServer, new CiFields
    {
        Name = name,
        Identifiers = new Dictionary<string, string> { ["fqdn"] = $"{name}.example.test" },
    });
}
