using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Testing;

/// <summary>
/// Builds a <see cref="GraphIndex"/> by hand: <c>.Ci("db", "Database").Rel("app", "DEPENDS_ON", "db")</c>. Everything
/// goes into the current commit; <see cref="Commit"/> publishes it and starts the next, so as-of tests can change the
/// topology at a later commit. Endpoint rules of the model are not enforced (tests may wire any classes).
/// </summary>
public sealed class GraphBuilder
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<(string Source, string Type, string Target), Stack<long>> _keys = [];
    private long _nextKey = 1;
    private bool _pending;

    public GraphBuilder(ModelCatalog? model = null)
    {
        Graph = new GraphIndex(model ?? TestModels.Seed);
    }

    public GraphIndex Graph { get; }

    /// <summary>The commit being built (the next one to publish).</summary>
    public int Seq { get; private set; } = 1;

    /// <summary>Adds a CI or changes its facts in the current commit.</summary>
    public GraphBuilder Ci(
        string id, string className, int? minHealthy = null, CiStatus status = CiStatus.Active, string? environment = null, int? criticality = null)
    {
        Graph.UpsertNode(id, Graph.Model.GetClass(className).Index, status, environment, criticality, minHealthy, Seq);
        _pending = true;
        return this;
    }

    /// <summary>Retires a CI in the current commit (its other facts stay).</summary>
    public GraphBuilder Retire(string id)
    {
        var node = NodeOf(id);
        var s = Graph.StateAt(node, Seq)!;
        Graph.UpsertNode(id, s.ClassIndex, CiStatus.Retired, Graph.EnvironmentName(s.EnvironmentIndex), s.Criticality, s.MinHealthy, Seq);
        _pending = true;
        return this;
    }

    /// <summary>Adds a relationship <paramref name="source"/> -<paramref name="type"/>-> <paramref name="target"/> in the current commit.</summary>
    public GraphBuilder Rel(string source, string type, string target)
    {
        var t = Graph.Model.GetRelationshipType(type);
        var key = _nextKey++;
        Graph.AddEdge(key, NodeOf(source), NodeOf(target), t.Index, Seq);
        if (!_keys.TryGetValue((source, type, target), out var keys)) _keys[(source, type, target)] = keys = new Stack<long>();
        keys.Push(key);
        _pending = true;
        return this;
    }

    /// <summary>Ends the newest such relationship in the current commit.</summary>
    public GraphBuilder RemoveRel(string source, string type, string target)
    {
        if (!_keys.TryGetValue((source, type, target), out var keys) || keys.Count == 0)
            throw new InvalidOperationException($"No {source} -{type}-> {target} to remove.");
        if (!Graph.RemoveEdge(keys.Pop(), NodeOf(source), Seq)) throw new InvalidOperationException("The index did not remove the edge.");
        _pending = true;
        return this;
    }

    /// <summary>Publishes the current commit and starts the next; returns the published sequence number.</summary>
    public GraphBuilder Commit() => Commit(out _);

    public GraphBuilder Commit(out int seq)
    {
        seq = Seq;
        Graph.Commits.Append(Seq, Epoch.AddMinutes(Seq));
        Seq++;
        _pending = false;
        return this;
    }

    /// <summary>Publishes anything pending and returns the index.</summary>
    public GraphIndex Build()
    {
        if (_pending) Commit();
        return Graph;
    }

    private int NodeOf(string id) =>
        Graph.TryGetNode(id, out var node) ? node : throw new InvalidOperationException($"Declare CI '{id}' with .Ci(...) first.");
}
