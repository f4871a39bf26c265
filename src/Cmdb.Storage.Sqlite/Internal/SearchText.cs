using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.History;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>What of a CI's attributes goes into the search index: every scalar value, nested ones included.</summary>
internal static class SearchText
{
    /// <summary>
    /// Whether an update with these changes can change the CI's search row (<see cref="SearchRow"/>): every change but
    /// one of the fields the row leaves out (status, environment, criticality, minimum healthy). A field not named
    /// here, a new one included, counts as searched, so the row is rewritten whenever in doubt. The class never changes.
    /// </summary>
    public static bool RowChanges(IReadOnlyList<FieldChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Field is not ("status" or "environment" or "criticality" or "minHealthy")) return true;
        }

        return false;
    }

    public static string AttributeValues(JsonObject attributes)
    {
        if (attributes.Count == 0) return string.Empty;
        var sb = new StringBuilder();
        Append(sb, attributes);
        return sb.ToString();
    }

    /// <summary><see cref="AttributeValues(JsonObject)"/> of an object holding these pairs, in this order.</summary>
    public static string AttributeValues(ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes)
    {
        if (attributes.IsEmpty) return string.Empty;
        var sb = new StringBuilder();
        foreach (var (_, value) in attributes) Append(sb, value);
        return sb.ToString();
    }

    /// <summary>
    /// Appends <see cref="AttributeValues(ReadOnlySpan{KeyValuePair{string, JsonNode}})"/>'s text, as UTF-8, to the text
    /// value <paramref name="row"/> is building, without making the string (a new CI's search row in a bulk import).
    /// </summary>
    public static void AppendAttributeValues(StepTape row, ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes)
    {
        foreach (var (_, value) in attributes) Append(row, value);
    }

    /// <summary>Appends <see cref="AttributeValues(JsonObject)"/>'s text, as UTF-8, to the text value <paramref name="row"/> is building.</summary>
    public static void AppendAttributeValues(StepTape row, JsonObject attributes) => Append(row, attributes);

    private static void Append(StringBuilder sb, JsonNode? node)
    {
        var words = new ToBuilder(sb);
        EachWord(node, ref words);
    }

    private static void Append(StepTape row, JsonNode? node)
    {
        var words = new ToTape(row);
        EachWord(node, ref words);
    }

    /// <summary>The one walk both layouts share: each scalar under <paramref name="node"/> as a word, in document order.</summary>
    private static void EachWord<TWords>(JsonNode? node, ref TWords words)
        where TWords : struct, IWords
    {
        // By index: a JsonObject's or JsonArray's enumerator is a boxed object per walk (one or more per rewritten CI).
        switch (node)
        {
            case JsonObject o:
                for (var i = 0; i < o.Count; i++) EachWord(o.GetAt(i).Value, ref words);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) EachWord(a[i], ref words);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                words.Word(v.GetValue<string>());
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                words.Word(v.ToJsonString());
                break;
            case JsonValue v:
                words.Word(v.ToString().ToLower(CultureInfo.InvariantCulture));
                break;
        }
    }

    private interface IWords
    {
        void Word(string word);
    }

    /// <summary>Each word and a space, into a string being built.</summary>
    private readonly struct ToBuilder(StringBuilder sb) : IWords
    {
        public void Word(string word) => sb.Append(word).Append(' ');
    }

    /// <summary>Each word and a space, as UTF-8, into the text value a tape row is building.</summary>
    private readonly struct ToTape(StepTape row) : IWords
    {
        public void Word(string word)
        {
            row.AppendText(word);
            row.AppendByte((byte)' ');
        }
    }
}
