using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Host.Seeding;

/// <summary>
/// Imports a bulk JSON document through the same reader and store path as the <c>importGraph</c> mutation:
/// <see cref="ImportDocumentReader"/>, then one atomic <see cref="ICmdbStore.ApplyAsync"/>.
/// </summary>
internal static class BulkImport
{
    /// <summary>Reads the whole file first, so a malformed document fails before the store is touched.</summary>
    public static WriteBatch ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ImportDocumentReader.Read(stream);
    }

    public static async Task<ImportSummary> ApplyAsync(ICmdbStore store, WriteBatch batch, Actor actor, CancellationToken cancellationToken)
    {
        var result = await store.ApplyAsync(batch, actor, cancellationToken);
        return ImportSummary.From(batch, result);
    }
}
