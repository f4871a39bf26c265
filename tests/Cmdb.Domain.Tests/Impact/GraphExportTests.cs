using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Impact.Export;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class GraphExportTests
{
    private const string Awkward = "Shop \"EU\"\nline 2\\end #1 <b>|x|</b> & co";

    private readonly Graph.GraphIndex _graph = new GraphBuilder()
        .Ci("db", Database).Ci("app", Application).Ci("shop", BusinessService).Ci("unrelated", Application)
        .Rel("app", DependsOn, "db").Rel("shop", DependsOn, "app").Rel("unrelated", DependsOn, "db")
        .Build();

    private Subgraph ImpactOfDb() =>
        new ImpactAnalyzer().Impact(_graph, ["db"], new ImpactScope { MaxDepth = 2 }).ToSubgraph()
            .WithLabels(id => id == "shop" ? Awkward : null);

    [Fact]
    public void ToSubgraph_HoldsReportedCisAndTheRelationshipsAmongThem()
    {
        var sub = ImpactOfDb();

        Assert.Equal(["db", "app", "unrelated", "shop"], sub.Nodes.Select(n => n.CiId));
        Assert.Equal(ImpactState.Down, sub.Nodes[1].State);
        Assert.Equal(3, sub.Edges.Count);
        Assert.Contains(sub.Edges, e => e is { SourceCiId: "shop", TargetCiId: "app", RelationshipType: DependsOn });
    }

    [Fact]
    public void Of_Neighbourhood_KeepsOnlyEdgesBetweenGivenCis()
    {
        var sub = Subgraph.Of(_graph, ["db", "app", "shop"], _graph.Commits.Latest);

        Assert.Equal(3, sub.Nodes.Count);
        Assert.Equal([("app", "db"), ("shop", "app")], sub.Edges.Select(e => (e.SourceCiId, e.TargetCiId)).Order());
        Assert.All(sub.Nodes, n => Assert.Null(n.State));
    }

    [Fact]
    public void Of_UnknownCi_NotFound()
    {
        var e = Assert.Throws<CmdbException>(() => Subgraph.Of(_graph, ["db", "ghost"], _graph.Commits.Latest));

        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDot_EscapesQuotesBackslashesAndLineBreaks()
    {
        var dot = GraphExport.ToDot(ImpactOfDb());

        Assert.StartsWith("digraph \"cmdb\" {\n", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
        Assert.Contains("\"shop\" [label=\"Shop \\\"EU\\\"\\nline 2\\\\end #1 <b>|x|</b> & co\\nBusinessService\\nDOWN\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"shop\" -> \"app\" [label=\"DEPENDS_ON\"];", dot, StringComparison.Ordinal);
        Assert.All(dot.Split('\n'), line => Assert.Equal(0, UnescapedQuotes(line) % 2));
    }

    [Fact]
    public void ToMermaid_UsesSafeIdsAndEntityEscapedLabels()
    {
        var mermaid = GraphExport.ToMermaid(ImpactOfDb());

        Assert.StartsWith("flowchart LR\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("n3[\"Shop #quot;EU#quot;<br/>line 2\\end #35;1 #lt;b#gt;#124;x#124;#lt;/b#gt; #amp; co<br/>BusinessService<br/>DOWN\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("n3 -->|\"DEPENDS_ON\"| n1", mermaid, StringComparison.Ordinal);
        Assert.Contains("class n0 down", mermaid, StringComparison.Ordinal);
        Assert.All(mermaid.Split('\n'), line => Assert.Equal(0, line.Count(c => c == '"') % 2));
    }

    [Fact]
    public void ToJson_RoundTripsEveryText()
    {
        using var doc = JsonDocument.Parse(GraphExport.ToJson(ImpactOfDb()));

        var nodes = doc.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        var shop = nodes.Single(n => n.GetProperty("id").GetString() == "shop");
        Assert.Equal(Awkward, shop.GetProperty("label").GetString());
        Assert.Equal("DOWN", shop.GetProperty("state").GetString());
        Assert.Equal(2, shop.GetProperty("depth").GetInt32());
        Assert.False(nodes[0].TryGetProperty("label", out _));
        Assert.Equal(3, doc.RootElement.GetProperty("edges").GetArrayLength());
    }

    private static int UnescapedQuotes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') i++;
            else if (line[i] == '"') count++;
        }

        return count;
    }
}
