using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

public sealed partial class SqlitePipelinedWriteTests
{
    [Fact]
    public async Task ApplyAsync_BigBatch_IsCopiedIntoTheFileInTheBackgroundAndReadableThroughout()
    {
        var store = await OpenPipelinedAsync();
        var ops = Enumerable.Range(1, 4000).Select(i => (WriteOperation)App(i)).ToList();

        await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);

        // The commit left the copy to the checkpoint thread (the WAL held well over 1,000 pages); wait for it.
        for (var i = 0; i < 600 && store.CheckpointsCompleted == 0; i++) await Task.Delay(50);
        Assert.True(store.CheckpointsCompleted > 0);
        Assert.Equal(4000, Counts(Database.Path)["ci"]);
        await store.DisposeAsync();
        Assert.True(!File.Exists(Database.Path + "-wal") || new FileInfo(Database.Path + "-wal").Length == 0); // closing still folds the WAL in
        await using var reopened = await OpenAsync();
        Assert.Equal(4000, (await reopened.GetGraphAsync([], CancellationToken.None)).NodeCount);
    }
}
