using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Problems;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Problems;

public sealed partial class SqliteProblemStore
{
    public Task<Page<Problem>> ListAsync(string? ciId, bool knownErrorsOnly, int first, string? after, CancellationToken cancellationToken)
    {
        const string Where = """
            ($ci IS NULL OR id IN (SELECT problem_id FROM problem_ci WHERE ci_id = $ci)) AND ($known = 0 OR is_known_error = 1)
            """;
        return _db.PageAsync(
            "problem", "id, spec, version, created_at, updated_at", Where,
            p =>
            {
                p.AddWithValue("$ci", (object?)ciId ?? DBNull.Value);
                p.AddWithValue("$known", knownErrorsOnly ? 1 : 0);
            },
            'p', first, after, Map, p => p.Id, null, cancellationToken);
    }

    private static void EnsureLinksExist(SqliteConnection c, SqliteTransaction tx, ProblemSpec spec)
    {
        Missing(c, tx, "SELECT 1 FROM ci WHERE id = $id", spec.CiIds, "CI", "ciIds");
        Missing(c, tx, "SELECT 1 FROM incident WHERE id = $id", spec.IncidentIds, "incident", "incidentIds");
    }

    private static void Missing(SqliteConnection c, SqliteTransaction tx, string sql, IReadOnlyList<string> ids, string what, string path)
    {
        var missing = SideStoreRows.Missing(c, tx, sql, ids);
        if (missing.Count > 0)
            throw new CmdbException(ErrorCode.NotFound, $"No {what} with id {string.Join(", ", missing)}; a problem can only link to records that exist.", path);
    }

    private static void Save(SqliteConnection c, SqliteTransaction tx, Problem p, bool insert)
    {
        using var cmd = Command(c, tx, insert
            ? "INSERT INTO problem (id, title, is_known_error, spec, version, created_at, updated_at) VALUES ($id, $title, $known, $spec, $version, $created, $updated)"
            : "UPDATE problem SET title = $title, is_known_error = $known, spec = $spec, version = $version, created_at = $created, updated_at = $updated WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", p.Id);
        cmd.Parameters.AddWithValue("$title", p.Spec.Title);
        cmd.Parameters.AddWithValue("$known", p.Spec.IsKnownError ? 1 : 0);
        cmd.Parameters.AddWithValue("$spec", JsonSerializer.Serialize(p.Spec, Json));
        cmd.Parameters.AddWithValue("$version", p.Version);
        cmd.Parameters.AddWithValue("$created", p.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$updated", p.UpdatedAt.ToUnixTimeMilliseconds());
        cmd.ExecuteNonQuery();
        using var delete = Command(c, tx, "DELETE FROM problem_ci WHERE problem_id = $id");
        delete.Parameters.AddWithValue("$id", p.Id);
        delete.ExecuteNonQuery();
        using var link = Command(c, tx, "INSERT INTO problem_ci (problem_id, ci_id) VALUES ($id, $ci)");
        link.Parameters.AddWithValue("$id", p.Id);
        var ci = link.Parameters.Add("$ci", SqliteType.Text);
        foreach (var id in p.Spec.CiIds)
        {
            ci.Value = id;
            link.ExecuteNonQuery();
        }
    }

    private static Problem? Read(SqliteConnection c, SqliteTransaction? tx, string id) =>
        SideStoreRows.ReadById(c, tx, "SELECT id, spec, version, created_at, updated_at FROM problem WHERE id = $id", id, Map);

    private static Problem Map(SqliteDataReader r) => new(
        r.GetString(0),
        JsonSerializer.Deserialize<ProblemSpec>(r.GetString(1), Json) ?? throw new InvalidOperationException("A stored problem spec is null."),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.GetInt64(2));
}
