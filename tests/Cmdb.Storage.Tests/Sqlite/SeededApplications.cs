using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>Applications with an owner, a tag, two attributes and a key each, written in one batch: the CIs the carried-read tests update.</summary>
internal static class SeededApplications
{
    /// <summary>Writes <paramref name="count"/> applications (<c>app-0000</c>, key <c>key-0</c>, …) and returns their ids in order.</summary>
    public static async Task<string[]> WriteAsync(SqliteCmdbStore store, int count)
    {
        var ops = Enumerable.Range(0, count).Select(i => (WriteOperation)new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = $"app-{i:D4}",
            Owner = $"team-{i % 7}",
            Tags = [$"tag-{i % 3}"],
            Attributes = new JsonObject { ["tier"] = i % 5, ["note"] = $"value-{i}" },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
        })).ToList();
        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);
        return [.. result.Results.Select(r => r.EntityId)];
    }
}
