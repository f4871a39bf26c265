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
            if (root.TryGetProperty("classes", out var cs))
            {
                foreach (var c in cs.EnumerateArray()) classes.Add(ReadClass(c, name));
            }

            if (root.TryGetProperty("relationshipTypes", out var ts))
            {
                foreach (var t in ts.EnumerateArray()) types.Add(ReadType(t, name));
            }
        }

        return new ModelCatalog(classes, types);
    }

    private static CiClass ReadClass(JsonElement e, string file) => new(
        Name: Required(e, "name", file),
        Parent: Optional(e, "extends"),
        Abstract: e.TryGetProperty("abstract", out var a) && a.GetBoolean(),
        RequiredAttributes: Strings(e, "requiredAttributes"),
        IdentificationRule: e.TryGetProperty("identification", out var rule)
            ? rule.EnumerateArray().Select(set => (IReadOnlyList<string>)set.EnumerateArray().Select(s => s.GetString()!).ToArray()).ToArray()
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
            SourceClasses: Strings(e, "sources"),
            TargetClasses: Strings(e, "targets"),
            Propagation: propagation switch
            {
                "none" => Propagation.None,
                "targetToSource" => Propagation.TargetToSource,
                "sourceToTarget" => Propagation.SourceToTarget,
                "both" => Propagation.Both,
                _ => throw CmdbException.Model(
                    $"{file}: relationship type '{name}' has propagation '{propagation}'; use none, targetToSource, sourceToTarget or both."),
            },
            Redundant: e.TryGetProperty("redundant", out var r) && r.GetBoolean(),
            AllowSelfLoop: e.TryGetProperty("allowSelfLoop", out var s) && s.GetBoolean(),
            Description: Optional(e, "description") ?? "");
    }

    private static string Required(JsonElement e, string property, string file) =>
        Optional(e, property) ?? throw CmdbException.Model($"{file}: an entry lacks '{property}'.");

    private static string? Optional(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[] Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
}
