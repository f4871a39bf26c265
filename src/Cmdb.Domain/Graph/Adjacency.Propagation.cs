using Cmdb.Domain.Model;

namespace Cmdb.Domain.Graph;

internal sealed partial class Adjacency
{
    /// <summary>Below this many compact entries the propagation rows are built in the first query that wants them.</summary>
    internal const int InlineBuildEntries = 1 << 20;

    private PropagationRows? _propagation;
    private int _building; // 0 none, 1 building, 2 built or given up

    /// <summary>
    /// The propagation rows of this compaction, or null while they are not built yet: a small graph builds them
    /// now; a large one starts building them in the background (the caller uses the general rows meanwhile).
    /// </summary>
    public PropagationRows? Propagation(ModelCatalog model, long[] facts, bool wait = false)
    {
        var built = Volatile.Read(ref _propagation);
        if (built is not null || Out.CsrNodes == 0) return built;
        if (Interlocked.CompareExchange(ref _building, 1, 0) == 0)
        {
            if (wait || Out.Packed.Length + In.Packed.Length < InlineBuildEntries) BuildPropagation(model, facts);
            else ThreadPool.UnsafeQueueUserWorkItem(_ => BuildPropagation(model, facts), null);
        }
        else if (wait)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _building) == 1) spin.SpinOnce();
        }

        return Volatile.Read(ref _propagation);
    }

    private void BuildPropagation(ModelCatalog model, long[] facts)
    {
        try
        {
            Volatile.Write(ref _propagation, PropagationRows.Build(this, model, facts));
        }
        finally
        {
            Volatile.Write(ref _building, 2); // on failure the general rows keep serving every query
        }
    }
}
