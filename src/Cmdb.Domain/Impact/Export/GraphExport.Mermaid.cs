using System.Globalization;
using System.Text;

namespace Cmdb.Domain.Impact.Export;

public static partial class GraphExport
{
    /// <summary>A Mermaid flowchart: nodes get generated ids (n0, n1, …) so any CI id is safe; labels are quoted and entity-escaped.</summary>
    public static string ToMermaid(Subgraph graph)
    {
        var b = new StringBuilder("flowchart LR\n");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in graph.Nodes)
        {
            var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            if (!ids.TryAdd(n.CiId, id)) continue;
            var label = MermaidText(n.Label ?? n.CiId) + "<br/>" + MermaidText(n.ClassName);
            if (StateName(n.State) is { } state) label += "<br/>" + state;
            b.Append("  ").Append(id).Append("[\"").Append(label).Append("\"]\n");
        }

        foreach (var e in graph.Edges)
        {
            if (!ids.TryGetValue(e.SourceCiId, out var from) || !ids.TryGetValue(e.TargetCiId, out var to)) continue;
            b.Append("  ").Append(from).Append(" -->|\"").Append(MermaidText(e.RelationshipType)).Append("\"| ").Append(to).Append('\n');
        }

        b.Append("  classDef down fill:#f4cccc,stroke:#cc0000\n");
        b.Append("  classDef degraded fill:#fce5cd,stroke:#e69138\n");
        b.Append("  classDef atRisk fill:#fff2cc,stroke:#bf9000\n");
        foreach (var n in graph.Nodes)
        {
            var css = n.State switch
            {
                ImpactState.Down => "down",
                ImpactState.Degraded => "degraded",
                ImpactState.AtRisk => "atRisk",
                _ => null,
            };
            if (css is not null) b.Append("  class ").Append(ids[n.CiId]).Append(' ').Append(css).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>Text inside a quoted Mermaid label: markup characters as Mermaid entity codes, line breaks as &lt;br/&gt;.</summary>
    internal static string MermaidText(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '#': b.Append("#35;"); break;
                case '"': b.Append("#quot;"); break;
                case '<': b.Append("#lt;"); break;
                case '>': b.Append("#gt;"); break;
                case '&': b.Append("#amp;"); break;
                case '|': b.Append("#124;"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    b.Append("<br/>");
                    break;
                case '\n': b.Append("<br/>"); break;
                default: b.Append(c); break;
            }
        }

        return b.ToString();
    }
}
