using System.Text.Json;
using Cmdb.Domain.Items;
using static Cmdb.Storage.Sqlite.Internal.CiJsonNames;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>What start-up needs from one stored snapshot: the index's facts (as ranges of the text) and the digest.</summary>
internal readonly record struct DocFacts(Range Class, CiStatus Status, Range Environment, int? Criticality, int? MinHealthy);

internal sealed partial class CiFingerprint
{
    private static ReadOnlySpan<byte> ActiveQuoted => "\"active\""u8;

    private readonly List<(string Key, Range Value)> _rawPairs = [];

    private struct Fields
    {
        public Range Class, Name, Status, Environment, Criticality, Owner, SupportGroup, MinHealthy, Tags, Attributes, Identifiers;
    }

    /// <summary>
    /// The digest <see cref="Of(ConfigurationItem)"/> gives for the CI a <c>ci_version.doc</c> text holds, read without
    /// building objects. Reading stops at the provenance, which follows every field the digest covers.
    /// </summary>
    public UInt128 OfDoc(ReadOnlySpan<byte> doc)
    {
        var f = Scan(doc, toProvenance: true);
        _buffer.ResetWrittenCount();
        _w.Reset(_buffer);
        _w.WriteStartObject();
        Raw(ClassName, doc, f.Class);
        Raw(NameName, doc, f.Name);
        if (!doc[f.Status].SequenceEqual(ActiveQuoted)) Raw(StatusName, doc, f.Status);
        Raw(EnvironmentName, doc, f.Environment);
        Raw(CriticalityName, doc, f.Criticality);
        Raw(OwnerName, doc, f.Owner);
        Raw(SupportGroupName, doc, f.SupportGroup);
        Raw(MinHealthyName, doc, f.MinHealthy);
        if (Length(f.Tags) > 2) Raw(TagsName, doc, f.Tags); // "[]" holds nothing
        if (Length(f.Attributes) > 2) RawAttributes(doc, f.Attributes);
        if (Length(f.Identifiers) > 2) Raw(IdentifiersName, doc, f.Identifiers);
        return End();
    }

    /// <summary>The facts the index keeps, read from a <c>ci_version.doc</c> text without building objects.</summary>
    public static DocFacts FactsOf(ReadOnlySpan<byte> doc)
    {
        var f = Scan(doc, toProvenance: false);
        return new DocFacts(
            Unquoted(f.Class), StatusOf(doc[Unquoted(f.Status)]), Unquoted(f.Environment), Int(doc, f.Criticality), Int(doc, f.MinHealthy));
    }

    /// <summary>Where each field's value lies in the text. The index's facts are all known once minHealthy has passed.</summary>
    private static Fields Scan(ReadOnlySpan<byte> doc, bool toProvenance)
    {
        var f = default(Fields);
        var r = new Utf8JsonReader(doc);
        r.Read();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("provenance"u8)) break;
            var which = Field(ref r);
            r.Read();
            var start = (int)r.TokenStartIndex;
            if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
            var value = new Range(start, (int)r.BytesConsumed);
            switch (which)
            {
                case 1: f.Class = value; break;
                case 2: f.Name = value; break;
                case 3: f.Status = value; break;
                case 4: f.Environment = value; break;
                case 5: f.Criticality = value; break;
                case 6: f.Owner = value; break;
                case 7: f.SupportGroup = value; break;
                case 8: f.MinHealthy = value; if (!toProvenance) return f; break;
                case 9: f.Tags = value; break;
                case 10: f.Attributes = value; break;
                case 11: f.Identifiers = value; break;
                default: break;
            }
        }

        return f;
    }

    private static int Field(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("class"u8)) return 1;
        if (r.ValueTextEquals("name"u8)) return 2;
        if (r.ValueTextEquals("status"u8)) return 3;
        if (r.ValueTextEquals("environment"u8)) return 4;
        if (r.ValueTextEquals("criticality"u8)) return 5;
        if (r.ValueTextEquals("owner"u8)) return 6;
        if (r.ValueTextEquals("supportGroup"u8)) return 7;
        if (r.ValueTextEquals("minHealthy"u8)) return 8;
        if (r.ValueTextEquals("tags"u8)) return 9;
        if (r.ValueTextEquals("attributes"u8)) return 10;
        if (r.ValueTextEquals("identifiers"u8)) return 11;
        return 0;
    }

    private void Raw(JsonEncodedText name, ReadOnlySpan<byte> doc, Range value)
    {
        if (Length(value) == 0) return;
        _w.WritePropertyName(name);
        _w.WriteRawValue(doc[value], skipInputValidation: true);
    }

    /// <summary>Attributes in ordinal key order, as <see cref="Of(ConfigurationItem)"/> writes them (the stored order is insertion order).</summary>
    private void RawAttributes(ReadOnlySpan<byte> doc, Range attributes)
    {
        _rawPairs.Clear();
        var r = new Utf8JsonReader(doc[attributes]);
        var offset = attributes.Start.Value;
        r.Read();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.GetString()!;
            r.Read();
            var start = (int)r.TokenStartIndex;
            if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
            if (r.TokenType != JsonTokenType.Null) _rawPairs.Add((key, new Range(offset + start, offset + (int)r.BytesConsumed)));
        }

        if (_rawPairs.Count > 1) _rawPairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _w.WriteStartObject(AttributesName);
        foreach (var (key, value) in _rawPairs)
        {
            _w.WritePropertyName(key);
            _w.WriteRawValue(doc[value], skipInputValidation: true);
        }

        _w.WriteEndObject();
        _rawPairs.Clear();
    }

    private static CiStatus StatusOf(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("active"u8) ? CiStatus.Active : CiJson.ParseStatus(System.Text.Encoding.UTF8.GetString(text));

    private static int Length(Range range) => range.End.Value - range.Start.Value;

    private static Range Unquoted(Range quoted) =>
        Length(quoted) < 2 ? default : new Range(quoted.Start.Value + 1, quoted.End.Value - 1);

    private static int? Int(ReadOnlySpan<byte> doc, Range value) =>
        Length(value) == 0 ? null : int.Parse(doc[value], System.Globalization.CultureInfo.InvariantCulture);
}
