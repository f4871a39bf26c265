using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal sealed partial class TraversalScratch
{
    /// <summary>
    /// Set when the run walked <see cref="PropagationRows"/>: marks are then indexed by local node (see
    /// <see cref="ToLocal"/>), and predecessors and link edges are propagation entries (see <see cref="PropagationRows.EdgeOf"/>).
    /// </summary>
    public PropagationRows? Propagation;

    /// <summary>Public to local node numbers while <see cref="Propagation"/> is set; <see cref="TrySlot"/> translates through it.</summary>
    public int[]? ToLocal;

    /// <summary>Low 23 bits of a <see cref="LocalMark"/>: the slot, or <see cref="ExcludedSlot"/>.</summary>
    public const int SlotMask = 0x7FFFFF;

    /// <summary>
    /// Bit 23 of a <see cref="LocalMark"/>: the slot's CI is down in this walk. Set, during a walk that settles states
    /// over the propagation rows, wherever a slot's state becomes down (states only get worse), so it is set exactly when the
    /// state is down. <see cref="ImpactEngine"/>'s hot loop then skips a down neighbour from the mark it has just read,
    /// without reading the neighbour's state (a scattered read per link in a large closure); it still reads the state of
    /// a neighbour whose bit is clear, so a missed bit would cost time, never a wrong result. The one walk that leaves
    /// bits clear: a small closure whose CIs were all reached first over ordinary entries, whose states are all filled
    /// with down at once after the search (nothing reads the bits after a walk).
    /// </summary>
    public const int DownBit = 0x800000;

    /// <summary>Seen but excluded (retired, missing).</summary>
    public const int ExcludedSlot = SlotMask;

    /// <summary>High 8 bits of a <see cref="LocalMark"/>: the stamp of the walk that set it.</summary>
    public const int StampMask = unchecked((int)0xFF000000);

    /// <summary>Where the stamp starts in a <see cref="LocalMark"/>, and the stamps there are (0 is never used: a cleared mark is unseen).</summary>
    public const int StampShift = 24, Stamps = 1 << (32 - StampShift);

    /// <summary>
    /// The marks of a walk over the propagation rows, by local node: <see cref="LocalStamp"/> in the high 8 bits,
    /// <see cref="DownBit"/>, and the slot in the low 23 (local nodes, hence slots, stay below 2^23 - 1, about 8.4M CIs;
    /// larger estates walk the general rows). Four bytes instead of the general walk's eight halve the cache lines a
    /// large closure touches; the array is cleared once every 255 walks.
    /// </summary>
    /// <remarks>
    /// A 9-bit stamp (cleared every 511 walks) measured ~0.2–0.3 µs faster on the hypervisor's 2,490-CI closure (the
    /// memset was 2.3 % of its samples, 1.8 % with 9 bits) but would halve the estate the fast path serves to 4.2M CIs;
    /// the 23-bit slot was kept (session 13).
    /// </remarks>
    public int[] LocalMark = [];

    /// <summary>This walk's stamp, already shifted into the high 8 bits (never 0, so a cleared mark is unseen).</summary>
    public int LocalStamp;

    /// <summary>Per slot, the local node (runs over the propagation rows only).</summary>
    public int[] Local = new int[64];

    /// <summary>
    /// Per slot, the CI's <see cref="LocalFacts"/> as the walk took them from the rows, or <see cref="LocalFacts.Unknown"/>
    /// when it read the full facts (then <see cref="TraversalScratch.MinHealthy"/> holds minHealthy). Runs over the
    /// propagation rows only.
    /// </summary>
    public int[] SlotFacts = new int[64];

    /// <summary>
    /// After a walk over the propagation rows (<see cref="HasLevels"/>): the slots of depth d are
    /// [Levels[d], Levels[d + 1]) for d below <see cref="LevelCount"/>. Breadth-first order makes each depth one run of
    /// slots, so the walk writes no depth per slot.
    /// </summary>
    public int[] Levels = new int[16];

    public int LevelCount;

    public bool HasLevels;

    /// <summary>
    /// During and after a walk over the propagation rows: some node had an overlay row when the walk's view was taken. When none
    /// had, no row the walk reads can differ from the rows at the walk's commit, so nothing needs a dirty check.
    /// </summary>
    public bool AnyTouched;

    /// <summary>
    /// During a walk over the propagation rows with no type filter, no overlay row and no CI's facts changed since the
    /// rows were built (read once, after the walk's commit): a slot's compact facts give its alternatives when they
    /// hold a count (<see cref="Graph.LocalFacts.Alternatives"/>), as <c>CountAlternatives</c> would.
    /// </summary>
    public bool AlternativesInFacts;

    /// <summary>The summary's counts by (combination, state), four counters each, while ImpactCounts counts a walk; all zero between runs.</summary>
    public int[] Histogram = [];

    /// <summary>The node of a slot: by its local number after a walk over the propagation rows (which writes no node per slot).</summary>
    public int NodeOf(int slot) => Propagation is { } rows ? rows.ToPublic[Local[slot]] : Node[slot];

    /// <summary>The minHealthy of a slot's CI, from its compact facts when the walk took them.</summary>
    public int MinHealthyOf(int slot) =>
        Propagation is not null && SlotFacts[slot] >= 0 ? Graph.LocalFacts.MinHealthy(SlotFacts[slot]) : MinHealthy[slot];

    /// <summary>Gives <paramref name="node"/> the next slot, marking it under its local number.</summary>
    public int Add(int node, int depth, int pred, int minHealthy, int local)
    {
        if (Count == Node.Length) Grow();
        var slot = Count++;
        LocalMark[local] = LocalStamp | slot;
        Node[slot] = node;
        Local[slot] = local;
        Depth[slot] = depth;
        Pred[slot] = pred;
        MinHealthy[slot] = minHealthy;
        SlotFacts[slot] = Graph.LocalFacts.Unknown;
        return slot;
    }

    /// <summary>Starts a walk over propagation rows of <paramref name="localCount"/> nodes: a fresh <see cref="LocalStamp"/>.</summary>
    public void BeginLocal(int localCount)
    {
        if (LocalMark.Length < localCount)
        {
            LocalMark = new int[localCount];
            LocalStamp = 0;
        }

        var next = ((LocalStamp >>> StampShift) + 1) & (Stamps - 1);
        if (next == 0)
        {
            Array.Clear(LocalMark);
            next = 1;
        }

        LocalStamp = next << StampShift;
    }

    /// <summary>True when local node <paramref name="local"/> was seen in this walk; <paramref name="slot"/> is -1 when it was excluded.</summary>
    public bool TryLocalSlot(int local, out int slot)
    {
        var m = LocalMark[local];
        if ((m & StampMask) == LocalStamp)
        {
            slot = (m & SlotMask) == ExcludedSlot ? -1 : m & SlotMask;
            return true;
        }

        slot = -1;
        return false;
    }

    /// <summary>Grows the per-slot arrays to hold at least <paramref name="slots"/> slots.</summary>
    public void EnsureSlots(int slots)
    {
        while (Node.Length < slots) Grow();
    }

    /// <summary>Forgets everything this run reached (a new generation), keeping the arrays: for a run that must start over.</summary>
    public void Restart()
    {
        Count = 0;
        LinkCount = 0;
        AlternativesInFacts = false;
        Linked = false;
        Settled = false;
        Absorbed = false;
        Propagation = null;
        ToLocal = null;
        HasLevels = false;
        if (++Generation == int.MaxValue)
        {
            Array.Clear(Mark);
            Generation = 1;
        }
    }
}
