using System.Text.Json.Nodes;
using Cmdb.Domain.History;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The audit entry of a CI's creation, stored as <see cref="Marker"/> (V0007): its changes are exactly the fields
/// version 1 holds, so the row names that version instead of repeating it. <see cref="Expand"/> gives the same
/// changes, in the same order and with the same values, as the array <c>CiMerge.Apply</c> listed and older builds
/// stored: the class, then each field the creation set (a creation stamps provenance on exactly those), tags with an
/// empty array before, attributes and identifiers in ordinal order.
/// </summary>
internal static class CreationAudit
{
    /// <summary>The stored changes of a creation: "see version 1 of ci_a".</summary>
    public const string Marker = "1";

    private static readonly string[] Scalars = ["name", "status", "environment", "criticality", "owner", "supportGroup", "minHealthy"];

    /// <summary>Changes read for a compact row before <see cref="ExpandAsync"/> replaces them (compared by reference).</summary>
    public static readonly IReadOnlyList<FieldChange> Pending = new List<FieldChange>().AsReadOnly();

    public static bool IsCompact(string changes) => changes == Marker;

    /// <summary>An audit row's changes: <see cref="Pending"/> for a compact creation, else as <see cref="AuditJson.Read"/> gives them.</summary>
    public static IReadOnlyList<FieldChange> Read(string changes, string ciA, string? ciB) =>
        IsCompact(changes) ? Pending : AuditJson.Read(changes, ciA, ciB);

    /// <summary>The creation's changes, from the text of version 1 of the CI.</summary>
    public static IReadOnlyList<FieldChange> Expand(string versionOne)
    {
        var doc = JsonNode.Parse(versionOne)!.AsObject();
        var provenance = doc["provenance"]?.AsObject() ?? [];
        var changes = new List<FieldChange>(provenance.Count + 1) { new("class", null, doc["class"]!.DeepClone()) };
        foreach (var field in Scalars)
        {
            if (provenance.ContainsKey(field)) changes.Add(new FieldChange(field, null, doc[field]?.DeepClone()));
        }

        if (provenance.ContainsKey("tags")) changes.Add(new FieldChange("tags", new JsonArray(), doc["tags"]?.DeepClone()));
        AddSet(changes, provenance, doc["attributes"]?.AsObject(), "attributes.");
        AddSet(changes, provenance, doc["identifiers"]?.AsObject(), "identifiers.");
        return changes;
    }

    /// <summary>
    /// Replaces the <see cref="Pending"/> changes of the creations among <paramref name="entries"/> with their expansion,
    /// reading the version-1 rows in one statement.
    /// </summary>
    public static async Task ExpandAsync<T>(
        SqliteConnection connection, List<T> entries, Func<T, AuditEntry> entryOf, Func<T, AuditEntry, T> withEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in entries)
        {
            var entry = entryOf(item);
            if (ReferenceEquals(entry.Changes, Pending)) ids.Add(entry.EntityId);
        }

        if (ids.Count == 0) return;
        var docs = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT ci_id, doc FROM ci_version WHERE version = 1 AND ci_id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", SqlText.JsonArray(ids));
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) docs[r.GetString(0)] = r.GetString(1);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entryOf(entries[i]);
            if (!ReferenceEquals(entry.Changes, Pending)) continue;
            // Retention deletes version 1 no earlier than the creation's entry (it ends at or after that commit).
            if (!docs.TryGetValue(entry.EntityId, out var doc))
                throw new InvalidDataException($"Audit entry {entry.Sequence} names version 1 of CI {entry.EntityId}, which is not stored.");
            entries[i] = withEntry(entries[i], entry with { Changes = Expand(doc) });
        }
    }

    private static void AddSet(List<FieldChange> changes, JsonObject provenance, JsonObject? values, string prefix)
    {
        if (values is null || values.Count == 0) return;
        var pairs = values.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, value) in pairs)
        {
            var field = prefix + key;
            if (provenance.ContainsKey(field)) changes.Add(new FieldChange(field, null, value?.DeepClone()));
        }
    }
}
