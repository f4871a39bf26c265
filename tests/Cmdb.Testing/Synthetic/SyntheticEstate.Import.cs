using System.Text.Json;

namespace Cmdb.Testing.Synthetic;

public sealed partial class SyntheticEstate
{
    /// <summary>Writes the whole estate as one bulk import document (docs/import-format.md).</summary>
    public void WriteImportDocument(Stream utf8Json) => WriteImportDocument(utf8Json, 0, CiCount, 0, RelationshipCount);

    /// <summary>
    /// Writes a slice of the estate as an import document: CIs [<paramref name="ciStart"/>, +<paramref name="ciCount"/>)
    /// and relationships [<paramref name="relationshipStart"/>, +<paramref name="relationshipCount"/>). Relationships
    /// name their ends by identifier, so a document may refer to CIs imported by an earlier one.
    /// </summary>
    public void WriteImportDocument(Stream utf8Json, int ciStart, int ciCount, int relationshipStart, int relationshipCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ciStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ciStart + ciCount, CiCount);
        ArgumentOutOfRangeException.ThrowIfNegative(relationshipStart);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(relationshipStart + relationshipCount, RelationshipCount);
        using var json = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartObject();
        json.WriteStartArray("cis");
        for (var i = ciStart; i < ciStart + ciCount; i++)
        {
            WriteCi(json, i);
            if (json.BytesPending > 64 * 1024) json.Flush();
        }

        json.WriteEndArray();
        json.WriteStartArray("relationships");
        for (var r = relationshipStart; r < relationshipStart + relationshipCount; r++)
        {
            json.WriteStartObject();
            json.WriteString("type", SyntheticRelationshipTypes.Name(_types[r]));
            WriteReference(json, "source", _sources[r]);
            WriteReference(json, "target", _targets[r]);
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024) json.Flush();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private void WriteCi(Utf8JsonWriter json, int i)
    {
        var ci = Ci(i);
        json.WriteStartObject();
        json.WriteString("class", ci.Class);
        json.WriteString("name", ci.Name);
        json.WriteString("status", "active");
        if (ci.Environment is { } environment) json.WriteString("environment", environment);
        if (ci.Criticality is { } criticality) json.WriteNumber("criticality", criticality);
        if (ci.MinHealthy is { } minHealthy) json.WriteNumber("minHealthy", minHealthy);
        if (ci.Engine is { } engine)
        {
            json.WriteStartObject("attributes");
            json.WriteString("engine", engine);
            json.WriteEndObject();
        }

        json.WriteStartObject("identifiers");
        json.WriteString(ci.Scheme, ci.Value);
        if (ci.Fqdn is { } fqdn) json.WriteString(Cmdb.Domain.Model.WellKnown.Identifiers.Fqdn, fqdn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteReference(Utf8JsonWriter json, string property, int ci)
    {
        json.WriteStartObject(property);
        json.WriteString(SyntheticKindInfo.Of(_kinds[ci]).Scheme, IdentifierValue(ci));
        json.WriteEndObject();
    }
}
