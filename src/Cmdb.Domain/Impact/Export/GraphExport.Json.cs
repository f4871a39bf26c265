using System.Text;
using System.Text.Json;

namespace Cmdb.Domain.Impact.Export;

public static partial class GraphExport
{
    /// <summary>JSON: <c>{"nodes":[{"id","class","label","state","depth"}],"edges":[{"source","target","type","key"}]}</c>; absent values are omitted.</summary>
    public static string ToJson(Subgraph graph, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            foreach (var n in graph.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("id", n.CiId);
                w.WriteString("class", n.ClassName);
                if (n.Label is not null) w.WriteString("label", n.Label);
                if (StateName(n.State) is { } state) w.WriteString("state", state);
                if (n.Depth is { } depth) w.WriteNumber("depth", depth);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var e in graph.Edges)
            {
                w.WriteStartObject();
                w.WriteString("source", e.SourceCiId);
                w.WriteString("target", e.TargetCiId);
                w.WriteString("type", e.RelationshipType);
                w.WriteNumber("key", e.RelationshipKey);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
