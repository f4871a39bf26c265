using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Small SQL fragments shared by the readers.</summary>
internal static class SqlText
{
    /// <summary>
    /// The row of <paramref name="alias"/> was valid at commit <c>$seq</c>: for tables that store their rows' end
    /// (relationships, identifiers, relationship attributes). CI versions derive theirs: <see cref="VersionValidAt"/>.
    /// </summary>
    public static string ValidAt(string alias) =>
        $"{alias}.valid_from_seq <= $seq AND ({alias}.valid_to_seq IS NULL OR {alias}.valid_to_seq > $seq)";

    /// <summary>
    /// The <c>ci_version</c> row of <paramref name="alias"/> was the CI's version at commit <c>$seq</c>: it had begun, and
    /// the CI's next version (versions are numbered 1, 2, 3 … per CI) had not (V0013: a version's end is its successor's
    /// start, so an update writes no end into the old row). The successor is found by the <c>(ci_id, version)</c> key.
    /// </summary>
    public static string VersionValidAt(string alias) =>
        $"""
        {alias}.valid_from_seq <= $seq AND NOT EXISTS (SELECT 1 FROM ci_version {alias}_next
            WHERE {alias}_next.ci_id = {alias}.ci_id AND {alias}_next.version = {alias}.version + 1 AND {alias}_next.valid_from_seq <= $seq)
        """;

    /// <summary>
    /// <c>ci c</c> joined with its current <c>ci_version v</c>: the CI's highest version (V0014), found by one reverse step
    /// of the <c>(ci_id, version)</c> key, as the version <c>ci.version</c> named used to be. An update that changes only
    /// what the snapshot holds (attributes, tags, identifiers, provenance) no longer rewrites the <c>ci</c> row.
    /// </summary>
    public const string CurrentCi = """
        ci c JOIN ci_version v ON v.rowid = (SELECT x.rowid FROM ci_version x WHERE x.ci_id = c.id ORDER BY x.version DESC LIMIT 1)
        """;

    /// <summary>A JSON array of strings, for <c>json_each</c>: one parameter carries a whole batch of keys.</summary>
    public static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
