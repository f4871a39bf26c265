using System.Text.Json;
using Cmdb.Domain.Events;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Events;

public sealed partial class SqliteEventStore
{
    private const string Columns =
        "id, fingerprint, source, name, severity, status, labels, annotations, starts_at, ends_at, last_received_at, ci_id, mapped_by";

    private static MonitoringEvent? Find(SqliteConnection c, SqliteTransaction tx, string source, string fingerprint, DateTimeOffset startsAt)
    {
        using var cmd = Command(c, tx, $"SELECT {Columns} FROM monitoring_event WHERE source = $source AND fingerprint = $fp AND starts_at = $starts");
        cmd.Parameters.AddWithValue("$source", source);
        cmd.Parameters.AddWithValue("$fp", fingerprint);
        cmd.Parameters.AddWithValue("$starts", startsAt.ToUnixTimeMilliseconds());
        using var r = cmd.ExecuteReader();
        return r.Read() ? Map(r) : null;
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, MonitoringEvent e)
    {
        using var cmd = Command(c, tx, $"""
            INSERT INTO monitoring_event ({Columns}, receipts)
            VALUES ($id, $fp, $source, $name, $severity, $status, $labels, $annotations, $starts, $ends, $received, $ci, $by, 1)
            """);
        Bind(cmd, e);
        cmd.ExecuteNonQuery();
    }

    private static void Update(SqliteConnection c, SqliteTransaction tx, MonitoringEvent e)
    {
        using var cmd = Command(c, tx, """
            UPDATE monitoring_event SET name = $name, severity = $severity, status = $status, labels = $labels, annotations = $annotations,
                ends_at = $ends, last_received_at = $received, ci_id = $ci, mapped_by = $by, receipts = receipts + 1
            WHERE id = $id AND fingerprint = $fp AND source = $source AND starts_at = $starts
            """);
        Bind(cmd, e);
        cmd.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand cmd, MonitoringEvent e)
    {
        cmd.Parameters.AddWithValue("$id", e.Id);
        cmd.Parameters.AddWithValue("$fp", e.Fingerprint);
        cmd.Parameters.AddWithValue("$source", e.Source);
        cmd.Parameters.AddWithValue("$name", e.Name);
        cmd.Parameters.AddWithValue("$severity", (object?)e.Severity ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$status", e.Status.ToString());
        cmd.Parameters.AddWithValue("$labels", JsonSerializer.Serialize(e.Labels));
        cmd.Parameters.AddWithValue("$annotations", JsonSerializer.Serialize(e.Annotations));
        cmd.Parameters.AddWithValue("$starts", e.StartsAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$ends", (object?)e.EndsAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$received", e.LastReceivedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$ci", (object?)e.CiId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$by", (object?)e.MappedBy ?? DBNull.Value);
    }

    private static MonitoringEvent Map(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        Enum.Parse<EventStatus>(r.GetString(5)),
        ReadMap(r.GetString(6)),
        ReadMap(r.GetString(7)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        r.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.IsDBNull(12) ? null : r.GetString(12));

    private static SortedDictionary<string, string> ReadMap(string json) =>
        JsonSerializer.Deserialize<SortedDictionary<string, string>>(json) ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
}
