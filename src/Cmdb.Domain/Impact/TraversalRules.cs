using Cmdb.Domain.Model;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Per-type flags for one traversal, indexed by relationship type index, so the loop never looks at type names:
/// which edges to follow out of a node (to their target), which to follow into it (to their source), and which
/// types are redundant alternatives.
/// </summary>
internal sealed class TraversalRules
{
    private TraversalRules(bool[] followOut, bool[] followIn, bool[] redundant, int seq, int maxDepth, bool includeRetired)
    {
        FollowOut = followOut;
        FollowIn = followIn;
        Redundant = redundant;
        Seq = seq;
        MaxDepth = maxDepth;
        IncludeRetired = includeRetired;
        foreach (var r in redundant) AnyRedundant |= r;
        Followed = new bool[followOut.Length];
        for (var t = 0; t < Followed.Length; t++) Followed[t] = followOut[t] || followIn[t];
    }

    /// <summary>Follow an edge from its source to its target.</summary>
    public bool[] FollowOut { get; }

    /// <summary>Follow an edge from its target to its source.</summary>
    public bool[] FollowIn { get; }

    /// <summary>The type is followed and its edges are interchangeable alternatives.</summary>
    public bool[] Redundant { get; }

    public bool AnyRedundant { get; }

    /// <summary>The type is followed in some direction.</summary>
    public bool[] Followed { get; }

    /// <summary>Set by <see cref="Downstream"/>: the filters follow each type exactly by its propagation, as the propagation rows do.</summary>
    public bool IsDownstream { get; private init; }

    /// <summary>A relationship-type filter leaves out some propagating type.</summary>
    public bool FiltersTypes { get; private init; }

    public int Seq { get; }

    public int MaxDepth { get; }

    public bool IncludeRetired { get; }

    /// <summary>Rules for the way trouble travels (impact).</summary>
    public static TraversalRules Downstream(ModelCatalog model, bool[]? allowed, int seq, int maxDepth, bool includeRetired) =>
        Build(model, allowed, seq, maxDepth, includeRetired, reverse: false);

    /// <summary>Rules against the way trouble travels (what a CI needs).</summary>
    public static TraversalRules Upstream(ModelCatalog model, bool[]? allowed, int seq, int maxDepth, bool includeRetired) =>
        Build(model, allowed, seq, maxDepth, includeRetired, reverse: true);

    /// <summary>The same filters with another depth limit.</summary>
    public TraversalRules WithMaxDepth(int maxDepth) =>
        new(FollowOut, FollowIn, Redundant, Seq, maxDepth, IncludeRetired) { FiltersTypes = FiltersTypes, IsDownstream = IsDownstream };

    private static TraversalRules Build(ModelCatalog model, bool[]? allowed, int seq, int maxDepth, bool includeRetired, bool reverse)
    {
        var types = model.RelationshipTypes;
        var forward = new bool[types.Count];
        var backward = new bool[types.Count];
        var redundant = new bool[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            if (allowed is not null && !allowed[t]) continue;
            var p = types[t].Propagation;
            forward[t] = p is Propagation.SourceToTarget or Propagation.Both;
            backward[t] = p is Propagation.TargetToSource or Propagation.Both;
            redundant[t] = types[t].Redundant && p != Propagation.None;
        }

        var filters = false;
        for (var t = 0; t < types.Count; t++) filters |= allowed is not null && !allowed[t] && types[t].Propagation != Propagation.None;
        return reverse
            ? new TraversalRules(backward, forward, redundant, seq, maxDepth, includeRetired) { FiltersTypes = filters }
            : new TraversalRules(forward, backward, redundant, seq, maxDepth, includeRetired) { FiltersTypes = filters, IsDownstream = true };
    }
}
