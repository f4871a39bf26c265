using System.Text.Json.Nodes;

namespace Cmdb.Discovery.Support;

/// <summary>Builds an attribute object that only ever holds known values: null is left out, never stored as <c>""</c>.</summary>
internal sealed class Attributes
{
    private readonly JsonObject _values = [];

    public Attributes Set(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) _values[name] = value;
        return this;
    }

    public Attributes Set(string name, long? value)
    {
        if (value is not null) _values[name] = value.Value;
        return this;
    }

    public Attributes Set(string name, bool? value)
    {
        if (value is not null) _values[name] = value.Value;
        return this;
    }

    public Attributes Set(string name, JsonNode? value)
    {
        if (value is not null) _values[name] = value;
        return this;
    }

    public JsonObject? Build() => _values.Count == 0 ? null : _values;
}
