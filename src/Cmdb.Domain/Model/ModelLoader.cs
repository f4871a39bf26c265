using System.Text.Json;
using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Model;

/// <summary>
/// Reads model files (<c>seed/model.json</c> and any user additions) into a <see cref="ModelCatalog"/>.
/// Later files may add classes and relationship types; redeclaring a name is an error.
/// </summary>
public static class ModelLoader
{
    public static ModelCatalog Load(params string[] paths)
    {
        var documents = new List<(string, JsonDocument)>();
        try
        {
            foreach (var path in paths)
            {
                using var stream = File.OpenRead(path);
                documents.Add((path, Parse(stream, path)));
            }

            return Build(documents);
        }
        finally
        {
            foreach (var (_, doc) in documents) doc.Dispose();
        }
    }

    public static ModelCatalog Load(Stream stream, string name = "model")
    {
        using var doc = Parse(stream, name);
        return Build([(name, doc)]);
    }

    private static JsonDocument Parse(Stream stream, string name)
    {
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw CmdbException.Invalid($"Model file '{name}' is not valid JSON: {e.Message}");
        }
    }

    private static ModelCatalog Build(IEnumerable<(string Name, JsonDocument Doc)> documents)
    {
        var classes = new List<CiClass>();
        var types = new List<RelationshipType>();
        foreach (var (name, doc) in documents)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw CmdbException.Model($"{name}: a model file must be a JSON object.");
            if (root.TryGetProperty("classes", out var cs))
            {
                foreach (var c in Array(cs, "classes", name)) classes.Add(ReadClass(Entry(c, "classes", name), name));
            }

            if (root.TryGetProperty("relationshipTypes", out var ts))
            {
                foreach (var t in Array(ts, "relationshipTypes", name)) types.Add(ReadType(Entry(t, "relationshipTypes", name), name));
            }
        }

        return new ModelCatalog(classes, types);
    }

    private static CiClass ReadClass(JsonElement e, string file) => new(
        Name: Required(e, "name", file),
        Parent: Optional(e, "extends"),
        Abstract: Bool(e, "abstract", file),
        RequiredAttributes: Strings(e, "requiredAttributes", file),
        IdentificationRule: e.TryGetProperty("identification", out var rule)
            ? Array(rule, "identification", file).Select(set => (IReadOnlyList<string>)StringArray(set, "identification", file)).ToArray()
            : [],
        Description: Optional(e, "description") ?? "");

    private static RelationshipType ReadType(JsonElement e, string file)
    {
        var name = Required(e, "name", file);
        var propagation = Optional(e, "propagation") ?? "none";
        return new RelationshipType(
            Name: name,
            Forward: Required(e, "forward", file),
            Reverse: Required(e, "reverse", file),
            SourceClasses: Strings(e, "sources", file),
            TargetClasses: Strings(e, "targets", file),
            Propagation: propagation switch
            {
                "none" => Propagation.None,
                "targetToSource" => Propagation.TargetToSource,
                "sourceToTarget" => Propagation.SourceToTarget,
                "both" => Propagation.Both,
                _ => throw CmdbException.Model(
                    $"{file}: relationship type '{name}' has propagation '{propagation}'; use none, targetToSource, sourceToTarget or both."),
            },
            Redundant: Bool(e, "redundant", file),
            AllowSelfLoop: Bool(e, "allowSelfLoop", file),
            Description: Optional(e, "description") ?? "");
    }

    private static string Required(JsonElement e, string property, string file) =>
        Optional(e, property) ?? throw CmdbException.Model($"{file}: an entry lacks '{property}'.");

    private static string? Optional(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[] Strings(JsonElement e, string property, string file) =>
        e.TryGetProperty(property, out var v) ? StringArray(v, property, file) : [];

    // A model file is user input: a wrong JSON type is reported as a model error, never as a crash.
    private static string[] StringArray(JsonElement v, string property, string file) =>
        Array(v, property, file).Select(x => x.ValueKind == JsonValueKind.String
            ? x.GetString()!
            : throw CmdbException.Model($"{file}: '{property}' must hold strings only.")).ToArray();

    private static JsonElement.ArrayEnumerator Array(JsonElement v, string property, string file) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw CmdbException.Model($"{file}: '{property}' must be an array.");

    private static JsonElement Entry(JsonElement v, string property, string file) =>
        v.ValueKind == JsonValueKind.Object ? v : throw CmdbException.Model($"{file}: every entry of '{property}' must be an object.");

    private static bool Bool(JsonElement e, string property, string file)
    {
        if (!e.TryGetProperty(property, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw CmdbException.Model($"{file}: '{property}' must be true or false."),
        };
    }
}
