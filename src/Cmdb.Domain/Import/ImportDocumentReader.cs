using System.Text.Json;
using System.Text.RegularExpressions;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Import;

/// <summary>
/// Reads the bulk import format (<c>docs/import-format.md</c>) into a <see cref="WriteBatch"/>: one
/// <see cref="UpsertCi"/> per <c>cis</c> entry, then one <see cref="UpsertRelationship"/> per <c>relationships</c>
/// entry, each carrying its path (<c>cis[3]</c>) for error messages.
/// </summary>
/// <remarks>
/// The reader checks the shape of the document and the field limits of <see cref="CiRules"/>; it does not consult the
/// model. Classes, relationship types, allowed endpoints and required attributes are checked by the store when the
/// batch is applied, against the model in force there.
/// </remarks>
public static partial class ImportDocumentReader
{
    /// <summary>Most entries accepted in each of <c>cis</c> and <c>relationships</c>.</summary>
    public const int MaxEntries = 1_000_000;

    private static readonly string[] RootProperties = ["$comment", "cis", "relationships"];

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    private static partial Regex ModelNamePattern();

    /// <summary>Parses UTF-8 JSON and reads it; malformed JSON is a validation error naming the line and position.</summary>
    public static WriteBatch Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, ParseOptions);
        }
        catch (JsonException e)
        {
            throw CmdbException.Invalid(
                $"The import document is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {Reason(e)}");
        }

        using (document) return Read(document.RootElement);
    }

    /// <summary>Reads a parsed import document. The batch does not refer to <paramref name="root"/> afterwards.</summary>
    public static WriteBatch Read(JsonElement root)
    {
        StrictJson.EnsureObject(root, null, "The import document");
        Guard(null, () => StrictJson.EnsureKnownProperties(root, null, RootProperties));
        var operations = new List<WriteOperation>();
        var identities = new CiIdentities();
        foreach (var (entry, path) in Entries(root, "cis"))
        {
            var op = Guard(path, () => ReadCi(entry, path));
            identities.Add(op, path);
            operations.Add(op);
        }

        foreach (var (entry, path) in Entries(root, "relationships")) operations.Add(Guard(path, () => ReadRelationship(entry, path)));
        return new WriteBatch(operations);
    }

    // Strings are decoded lazily: bytes that are not UTF-8 (or escapes that are not Unicode) surface only when a
    // property name or value is read, as InvalidOperationException from System.Text.Json.
    private static void Guard(string? path, Action read) => Guard(path, () =>
    {
        read();
        return 0;
    });

    private static T Guard<T>(string? path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw CmdbException.Invalid($"{path ?? "The import document"} contains text that is not valid UTF-8 or Unicode.", path);
        }
    }

    private static IEnumerable<(JsonElement Entry, string Path)> Entries(JsonElement root, string property)
    {
        if (StrictJson.Optional(root, property) is not { } list) yield break;
        if (list.ValueKind != JsonValueKind.Array)
            throw CmdbException.Invalid($"{property} must be an array, not {JsonKinds.Describe(list.ValueKind)}.", property);
        if (list.GetArrayLength() > MaxEntries)
            throw CmdbException.Invalid(
                $"{property} holds {list.GetArrayLength():N0} entries; one document may hold at most {MaxEntries:N0}. Split the import.", property);
        var i = 0;
        foreach (var entry in list.EnumerateArray()) yield return (entry, $"{property}[{i++}]");
    }

    private static string ModelName(JsonElement obj, string property, string path)
    {
        var value = StrictJson.RequiredString(obj, property, path);
        if (!ModelNamePattern().IsMatch(value))
            throw CmdbException.Invalid(
                $"{property} '{StrictJson.Display(value)}' is not a model name (a letter, then up to 127 letters, digits or '_').",
                CiRules.At(path, property));
        return value;
    }

    private static string CiId(string value, string path) =>
        Ulid.IsValid(value) ? value : throw CmdbException.Invalid($"'{StrictJson.Display(value)}' is not a CI id (a 26-character ULID).", path);

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
