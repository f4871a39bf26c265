using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Four CIs written over five commits, and what the store answers about them as of every moment in between: the
/// history the tests of a version's derived end (V0013) read before and after a restart, a migration and a prune.
/// </summary>
/// <remarks>
/// Commits: 1 creates alpha, beta, gamma and delta; 2 renames alpha; 3 renames alpha again and beta twice in one batch
/// (beta's version 2 begins and ends in the same commit); 4 retires alpha; 5 renames gamma and restores alpha (a new
/// version, active again). Delta is never changed.
/// </remarks>
internal static class VersionHistory
{
    public static readonly string[] Keys = ["app:alpha", "app:beta", "app:gamma", "app:delta"];

    /// <summary>What every moment reads, one line per moment and CI (name:version:status, "-" for none).</summary>
    public const string Expected = """
        before alpha=- beta=- gamma=- delta=- | total 0
        m1 alpha=alpha:1:Active beta=beta:1:Active gamma=gamma:1:Active delta=delta:1:Active | total 4
        m2 alpha=alpha v2:2:Active beta=beta:1:Active gamma=gamma:1:Active delta=delta:1:Active | total 4
        m3 alpha=alpha v3:3:Active beta=beta v3:3:Active gamma=gamma:1:Active delta=delta:1:Active | total 4
        m4 alpha=alpha v3:4:Retired beta=beta v3:3:Active gamma=gamma:1:Active delta=delta:1:Active | total 4
        m5 alpha=alpha v3:5:Active beta=beta v3:3:Active gamma=gamma v2:2:Active delta=delta:1:Active | total 4
        """;

    /// <summary>
    /// Writes the five commits, commit 1 <paramref name="gaps"/>[0] after the first moment and commit i + 1 a second
    /// plus <paramref name="gaps"/>[i] after commit i; returns the six moments: before commit 1, and a second after
    /// each commit (m1 … m5).
    /// </summary>
    public static async Task<DateTimeOffset[]> WriteAsync(SqliteCmdbStore store, FakeTimeProvider time, TimeSpan[] gaps)
    {
        Assert.Equal(5, gaps.Length);
        var moments = new List<DateTimeOffset> { time.GetUtcNow() };
        time.Advance(gaps[0]);
        var created = await ApplyAsync(store, App("alpha"), App("beta"), App("gamma"), App("delta"));
        var (alpha, beta, gamma) = (created.Results[0].EntityId, created.Results[1].EntityId, created.Results[2].EntityId);
        Next(time, moments, gaps[1]);
        await ApplyAsync(store, Rename(alpha, 1, "alpha v2"));
        Next(time, moments, gaps[2]);
        await ApplyAsync(store, Rename(alpha, 2, "alpha v3"), Rename(beta, 1, "beta v2"), Rename(beta, 2, "beta v3"));
        Next(time, moments, gaps[3]);
        await ApplyAsync(store, new RetireCi(alpha, 3));
        Next(time, moments, gaps[4]);
        await ApplyAsync(store, Rename(gamma, 1, "gamma v2"), new UpdateCi(alpha, 4, new CiFields { Status = CiStatus.Active }));
        Next(time, moments, TimeSpan.FromMinutes(1));
        return [.. moments];
    }

    /// <summary>One line per moment: each CI as of then by id and by identifier (they must agree), and an as-of query's count.</summary>
    public static async Task<string> DescribeAsync(SqliteCmdbStore store, IReadOnlyList<DateTimeOffset> moments)
    {
        var ids = new List<string>();
        foreach (var key in Keys)
        {
            var ci = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, key, null, CancellationToken.None);
            ids.Add(Assert.IsType<ConfigurationItem>(ci).Id);
        }

        var lines = new List<string>();
        for (var m = 0; m < moments.Count; m++)
        {
            var at = moments[m];
            var byId = await store.GetCisAsync(ids, at, CancellationToken.None);
            var parts = new List<string>();
            for (var k = 0; k < Keys.Length; k++)
            {
                var byKey = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, Keys[k], at, CancellationToken.None);
                var text = byId.TryGetValue(ids[k], out var ci) ? Text(ci) : "-";
                Assert.Equal(text, byKey is null ? "-" : Text(byKey));
                parts.Add($"{Keys[k][4..]}={text}");
            }

            var page = await store.QueryCisAsync(new CiFilter(), 50, null, at, CancellationToken.None);
            Assert.Equal(page.TotalCount, page.Items.Count); // one row per CI: never two versions of one CI at once
            Assert.Equal(page.Items.Count, page.Items.Select(i => i.Node.Id).Distinct().Count());
            lines.Add($"{(m == 0 ? "before" : $"m{m}")} {string.Join(' ', parts)} | total {page.TotalCount}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>The versions the file holds, as "key:version", sorted.</summary>
    public static string StoredVersions(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT i.value, v.version FROM ci_version v JOIN identifier_current i ON i.ci_id = v.ci_id ORDER BY 1, 2
            """;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetString(0)}:{r.GetInt64(1)}");
        return string.Join(' ', rows);
    }

    private static void Next(FakeTimeProvider time, List<DateTimeOffset> moments, TimeSpan gap)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        moments.Add(time.GetUtcNow());
        time.Advance(gap);
    }

    private static string Text(ConfigurationItem ci) => $"{ci.Name}:{ci.Version}:{ci.Status}";

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);

    public static UpsertCi App(string name, string? key = null) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = name, Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key ?? $"app:{name}" },
    });

    private static UpdateCi Rename(string id, long version, string name) => new(id, version, new CiFields { Name = name });
}
