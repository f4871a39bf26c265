using Cmdb.Domain.Model;

namespace Cmdb.Testing.Synthetic;

public sealed partial class SyntheticEstate
{
    private int[]? _impactStarts;
    private int[]? _impactTargets;

    /// <summary>
    /// How many CIs trouble in <paramref name="ci"/> reaches (itself included), following every relationship in its
    /// propagation direction and ignoring redundancy: the worst-case blast radius a traversal has to walk.
    /// </summary>
    public int ReachSize(int ci)
    {
        var (starts, targets) = ImpactAdjacency();
        var seen = new bool[CiCount];
        var queue = new int[CiCount];
        int head = 0, tail = 0;
        queue[tail++] = ci;
        seen[ci] = true;
        while (head < tail)
        {
            var node = queue[head++];
            for (var i = starts[node]; i < starts[node + 1]; i++)
            {
                var next = targets[i];
                if (seen[next]) continue;
                seen[next] = true;
                queue[tail++] = next;
            }
        }

        return tail;
    }

    /// <summary>For every CI, the CIs its trouble reaches in one hop (compressed rows).</summary>
    private (int[] Starts, int[] Targets) ImpactAdjacency()
    {
        if (_impactStarts is not null) return (_impactStarts, _impactTargets!);
        var starts = new int[CiCount + 1];
        ForEachImpactHop((from, _) => starts[from + 1]++);
        for (var i = 0; i < CiCount; i++) starts[i + 1] += starts[i];
        var targets = new int[starts[CiCount]];
        var fill = (int[])starts.Clone();
        ForEachImpactHop((from, to) => targets[fill[from]++] = to);
        _impactTargets = targets;
        _impactStarts = starts;
        return (starts, targets);
    }

    private void ForEachImpactHop(Action<int, int> hop)
    {
        for (var r = 0; r < RelationshipCount; r++)
        {
            var propagation = SyntheticRelationshipTypes.PropagationOf(_types[r]);
            if (propagation is Propagation.TargetToSource or Propagation.Both) hop(_targets[r], _sources[r]);
            if (propagation is Propagation.SourceToTarget or Propagation.Both) hop(_sources[r], _targets[r]);
        }
    }

    private ReferenceCis ChooseReferences(EstateBuilder b)
    {
        var core = Array.IndexOf(_kinds, SyntheticKind.CoreSwitch, 0, CiCount);
        var database = b.DatabasesByPopularity[0];
        return new ReferenceCis(
            new ReferenceCi("core switch", core, ReachSize(core)),
            new ReferenceCi("shared database", database, ReachSize(database)),
            Typical("hypervisor", b.AllHypervisors),
            Typical("mid-tier application", b.MidTierApplications));
    }

    /// <summary>The median-reach member of an evenly spread sample, so the reference is neither the best nor the worst case.</summary>
    private ReferenceCi Typical(string role, List<int> candidates)
    {
        const int sampleSize = 31;
        var step = Math.Max(1, candidates.Count / sampleSize);
        var sample = new List<(int Reach, int Ci)>();
        for (var i = step / 2; i < candidates.Count && sample.Count < sampleSize; i += step)
        {
            sample.Add((ReachSize(candidates[i]), candidates[i]));
        }

        sample.Sort();
        var (reach, ci) = sample[sample.Count / 2];
        return new ReferenceCi(role, ci, reach);
    }
}
