using System.Text.Json;
using System.Text.Json.Serialization;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Incidents;

public sealed partial class SqliteIncidentStore
{
    private const string Columns =
        "id, title, description, severity, state, started_at, resolution, root_cause_ci_id, resolved_at, version, created_at, updated_at";

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static void EnsureCisExist(SqliteConnection c, SqliteTransaction tx, IReadOnlyCollection<string> ids, string path)
    {
        var missing = SideStoreRows.Missing(c, tx, "SELECT 1 FROM ci WHERE id = $id", ids);
        if (missing.Count > 0)
            throw new CmdbException(ErrorCode.NotFound, $"No CI with id {string.Join(", ", missing)}; an incident can only name CIs that exist.", path);
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, Incident i)
    {
        using var cmd = Command(c, tx, $"""
            INSERT INTO incident ({Columns})
            VALUES ($id, $title, $description, $severity, $state, $started, $resolution, $root, $resolved, $version, $created, $updated)
            """);
        Bind(cmd, i);
        cmd.ExecuteNonQuery();
    }

    private static void Save(SqliteConnection c, SqliteTransaction tx, Incident i)
    {
        using var cmd = Command(c, tx, """
            UPDATE incident SET title = $title, description = $description, severity = $severity, state = $state, started_at = $started,
                resolution = $resolution, root_cause_ci_id = $root, resolved_at = $resolved, version = $version,
                created_at = $created, updated_at = $updated
            WHERE id = $id
            """);
        Bind(cmd, i);
        cmd.ExecuteNonQuery();
    }

    private static void InsertSymptoms(SqliteConnection c, SqliteTransaction tx, string incidentId, IEnumerable<IncidentSymptom> symptoms)
    {
        using var cmd = Command(c, tx, "INSERT INTO incident_symptom (incident_id, ci_id, added_at, added_by) VALUES ($incident, $ci, $at, $by)");
        cmd.Parameters.AddWithValue("$incident", incidentId);
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        var at = cmd.Parameters.Add("$at", SqliteType.Integer);
        var by = cmd.Parameters.Add("$by", SqliteType.Text);
        foreach (var s in symptoms)
        {
            ci.Value = s.CiId;
            at.Value = s.AddedAt.ToUnixTimeMilliseconds();
            by.Value = s.AddedBy;
            cmd.ExecuteNonQuery();
        }
    }

    private static void Audit(SqliteConnection c, SqliteTransaction tx, Incident i, Actor actor, string operation, DateTimeOffset now) =>
        SideStoreRows.Audit(
            c, tx, "INSERT INTO incident_audit (incident_id, at, actor, operation, detail) VALUES ($id, $at, $actor, $op, $detail)",
            i.Id, now, actor, operation, JsonSerializer.Serialize(i, AuditJson));

    private static Incident? Read(SqliteConnection c, SqliteTransaction? tx, string id)
    {
        using var cmd = Command(c, tx, $"SELECT {Columns} FROM incident WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        Incident? found;
        using (var reader = cmd.ExecuteReader()) found = reader.Read() ? Map(reader) : null;
        return found is null ? null : found with { Symptoms = ReadSymptoms(c, tx, id) };
    }

    private static List<IncidentSymptom> ReadSymptoms(SqliteConnection c, SqliteTransaction? tx, string id)
    {
        using var cmd = Command(c, tx, "SELECT ci_id, added_at, added_by FROM incident_symptom WHERE incident_id = $id ORDER BY rowid");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var symptoms = new List<IncidentSymptom>();
        while (r.Read()) symptoms.Add(new IncidentSymptom(r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2)));
        return symptoms;
    }

    private static Incident Map(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        (Severity)r.GetInt32(3),
        Enum.Parse<IncidentState>(r.GetString(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        [],
        r.IsDBNull(6) ? null : r.GetString(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
        r.GetInt64(9));

    private static void Bind(SqliteCommand cmd, Incident i)
    {
        cmd.Parameters.AddWithValue("$id", i.Id);
        cmd.Parameters.AddWithValue("$title", i.Title);
        cmd.Parameters.AddWithValue("$description", (object?)i.Description ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$severity", (int)i.Severity);
        cmd.Parameters.AddWithValue("$state", i.State.ToString());
        cmd.Parameters.AddWithValue("$started", i.StartedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$resolution", (object?)i.Resolution ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$root", (object?)i.RootCauseCiId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$resolved", (object?)i.ResolvedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$version", i.Version);
        cmd.Parameters.AddWithValue("$created", i.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$updated", i.UpdatedAt.ToUnixTimeMilliseconds());
    }
}
