using System.Text;

namespace Cmdb.Domain.Impact.Export;

public static partial class GraphExport
{
    /// <summary>Graphviz DOT: one box per CI (label, then class), coloured by state; edges labelled with their type.</summary>
    public static string ToDot(Subgraph graph, string name = "cmdb")
    {
        var b = new StringBuilder();
        b.Append("digraph ").Append(DotQuote(name)).Append(" {\n");
        b.Append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n");
        foreach (var n in graph.Nodes)
        {
            var label = (n.Label ?? n.CiId) + "\n" + n.ClassName;
            if (StateName(n.State) is { } state) label += "\n" + state;
            b.Append("  ").Append(DotQuote(n.CiId)).Append(" [label=").Append(DotQuote(label));
            if (FillColour(n.State) is { } colour) b.Append(", fillcolor=").Append(DotQuote(colour));
            b.Append("];\n");
        }

        foreach (var e in graph.Edges)
        {
            b.Append("  ").Append(DotQuote(e.SourceCiId)).Append(" -> ").Append(DotQuote(e.TargetCiId))
                .Append(" [label=").Append(DotQuote(e.RelationshipType)).Append("];\n");
        }

        return b.Append("}\n").ToString();
    }

    /// <summary>A DOT double-quoted string: backslashes and quotes escaped, every line break as <c>\n</c>.</summary>
    internal static string DotQuote(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': b.Append(@"\\"); break;
                case '"': b.Append("\\\""); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    b.Append(@"\n");
                    break;
                case '\n': b.Append(@"\n"); break;
                default: b.Append(c); break;
            }
        }

        return b.Append('"').ToString();
    }
}
