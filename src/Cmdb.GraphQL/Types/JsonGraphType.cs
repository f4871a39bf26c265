using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Cmdb.GraphQL.Types;

/// <summary>Any JSON value (object, array, string, number, boolean). Used for free attributes and import documents.</summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "Any JSON value: an object, array, string, number or boolean.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        _ => JsonSerializer.SerializeToNode(value),
    };

    public override object? ParseValue(object? value) => ToNode(value);

    public override object? ParseLiteral(GraphQLValue value) => FromLiteral(value);

    public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable;

    public override bool CanParseValue(object? value) => true;

    public override GraphQLValue ToAST(object? value) => value switch
    {
        null => new GraphQLNullValue(),
        JsonNode node => new GraphQLStringValue(node.ToJsonString()),
        _ => throw new InvalidOperationException($"JSON cannot print a {value.GetType().Name} default value."),
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        IDictionary<string, object?> map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static JsonNode? FromLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => JsonValue.Create((string)s.Value),
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLIntValue i => JsonNode.Parse((string)i.Value),
        GraphQLFloatValue f => JsonValue.Create(double.Parse((string)f.Value, CultureInfo.InvariantCulture)),
        GraphQLEnumValue e => JsonValue.Create((string)e.Name.Value),
        GraphQLListValue l => new JsonArray((l.Values ?? []).Select(FromLiteral).ToArray()),
        GraphQLObjectValue o => new JsonObject((o.Fields ?? []).Select(f => KeyValuePair.Create((string)f.Name.Value, FromLiteral(f.Value)))),
        _ => throw new InvalidOperationException($"A JSON value cannot be a {value.Kind}."),
    };
}
