using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The provenance keys of attributes and identifiers (<c>attributes.{name}</c>, <c>identifiers.{scheme}</c>), encoded
/// once: a bulk import writes the same few names for every CI it creates. Used by the writer's one thread only.
/// </summary>
internal sealed class ProvenanceNames
{
    // Names come from the writes, not the model: past this many the rest are encoded each time instead of kept.
    private const int MaxKept = 4096;
    private readonly Dictionary<string, JsonEncodedText> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonEncodedText> _identifiers = new(StringComparer.Ordinal);

    public JsonEncodedText Attribute(string name) => Get(_attributes, "attributes.", name);

    public JsonEncodedText Identifier(string scheme) => Get(_identifiers, "identifiers.", scheme);

    private static JsonEncodedText Get(Dictionary<string, JsonEncodedText> kept, string prefix, string name)
    {
        if (kept.TryGetValue(name, out var encoded)) return encoded;
        encoded = JsonEncodedText.Encode(prefix + name);
        if (kept.Count < MaxKept) kept[name] = encoded;
        return encoded;
    }
}
