using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// Slots a closure may reach in <see cref="WalkSmall"/> before it is walked again by <see cref="WalkFast"/>: about what
    /// the second pass still finds in a core's L2 (1 MB on the benchmark machine; per slot a line of marks, a line of row
    /// starts and the row's entries); past that the second read of the down heads' rows would come from memory. A large
    /// closure pays the search of its first slots twice (tens of µs; not measurable against the core switch's or the
    /// shared database's walk in alternated runs).
    /// </summary>
    internal const int SmallClosureSlots = 4096;

    /// <summary>Tests: a smaller hand-over point than <see cref="SmallClosureSlots"/> on this thread (0: the default).</summary>
    [ThreadStatic]
    internal static int t_smallClosureSlots;

    /// <summary>Tests: how often <see cref="WalkSmall"/> met each of its rare cases on this thread (null: not counted).</summary>
    [ThreadStatic]
    internal static SmallWalkCounts? t_smallWalkCounts;

    /// <summary>
    /// <see cref="WalkFast"/> in two passes, for closures that stay small: first the closure alone (<see cref="ReachSmall"/>:
    /// slots, marks, predecessors, facts, levels), then pass 1 of the states over it (<see cref="SpreadDownHeads"/>: the
    /// down CIs in slot order, each row in order, drained as the walk drains). Same slots, marks, predecessors, states and
    /// levels, and the same calls into <see cref="Fail"/> in the same order. When every CI was reached first over an
    /// ordinary entry every reached CI is down, and the second pass is a fill. Once the closure passes <see cref="SmallClosureSlots"/>
    /// slots, <see cref="WalkFast"/> walks it again from the causes. Only without overlay rows (no dirty checks).
    /// </summary>
    /// <remarks>
    /// Why the calls into <see cref="Fail"/> come in the same order: which CIs a walk reaches, and in which slot, does
    /// not depend on states (only on marks and facts), so reaching first changes nothing there. In <see cref="WalkFast"/>
    /// a down head's entry into a CI not seen before gives it a slot and then does what <see cref="Fail"/> does to a seen
    /// CI whose state is still "none" (down over an ordinary link or without minHealthy, else a failed alternative), and
    /// a head that is not down passes nothing on. So pass 1 of the states, run afterwards over the same heads and
    /// entries in the same order, makes the same calls; a drained row was read whole by the first pass, so every CI it
    /// names was reached before the drain in both walks.
    /// <para>
    /// Why: <see cref="WalkFast"/> is one 8.5 KB method with calls in its loop nest, so the JIT keeps its loop state on
    /// the stack and reloads the array bases per entry; the hypervisor's ~2.5k-CI closure took ~19.5 µs there against
    /// ~7 µs for the bare search over the same rows. <see cref="ReachSmall"/> has no call at all: it stops at the rare
    /// cases (a CI outside the compact facts, arrays to grow, the hand-over) and this method handles them and resumes it.
    /// </para>
    /// </remarks>
    private static bool WalkSmall(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, PropagationRows rows, int causes)
    {
        s.AnyTouched = false; // read by CountAlternatives while the walk runs
        BeginStates(s, causes);
        s.Levels[0] = 0;
        var cursor = new SmallWalkCursor { Head = -1, Count = s.Count, LevelEnd = s.Count };
        var limit = t_smallClosureSlots > 0 ? t_smallClosureSlots : SmallClosureSlots;
        while (true)
        {
            var stop = rules.IncludeRetired
                ? ReachSmall<RejectUnknown>(s, rows, ref cursor, rules.MaxDepth, limit)
                : ReachSmall<RejectUnknownOrRetired>(s, rows, ref cursor, rules.MaxDepth, limit);
            if (t_smallWalkCounts is { } counts) counts.Count(stop, cursor.Redundant >= 0);
            switch (stop)
            {
                case SmallWalkStop.Visit:
                {
                    // Not in the compact copy or retired: the full facts, as of the walk's commit (room was made).
                    var i = cursor.I;
                    var entry = rows.Entry[i];
                    var v = PropagationRows.Neighbour(entry);
                    s.Count = cursor.Count;
                    var slot = VisitLocal(graph, rules, s, facts, rows.ToPublic[v], v, cursor.HeadDepth + 1, i);
                    cursor.Count = s.Count;
                    cursor.Redundant |= slot >= 0 ? entry : 0;
                    cursor.I = i + 1;
                    break;
                }

                case SmallWalkStop.Room:
                    s.EnsureSlots(cursor.Count + cursor.Room);
                    break;
                case SmallWalkStop.Levels:
                    Array.Resize(ref s.Levels, 2 * s.Levels.Length);
                    break;
                case SmallWalkStop.HandOver:
                    // Large: the general loop walks it from the causes again, under a new stamp (the search's marks are
                    // forgotten with it). Settling the heads read and resuming the general loop there instead made that
                    // loop take its start as parameters, which cost the large closures 3-8 % (same-process A/B).
                    s.Count = causes;
                    s.BeginLocal(rows.NodeCount);
                    for (var c = 0; c < causes; c++) s.LocalMark[s.Local[c]] = s.LocalStamp | c;
                    return WalkFast(graph, rules, s, facts, rows, anyTouched: false, causes);
                default:
                    s.Count = cursor.Count;
                    if (cursor.Redundant >= 0)
                    {
                        // Every CI got its slot over an ordinary entry: by induction from the causes every head is down, so
                        // each CI went down over the entry that reached it (its predecessor already), and every later entry
                        // into it, redundant or from past the depth limit, finds it down.
                        s.State.AsSpan(causes, cursor.Count - causes).Fill(ImpactState.Down);
                    }
                    else
                    {
                        s.State.AsSpan(causes, cursor.Count - causes).Clear(); // ImpactState.None
                        SpreadDownHeads(graph, rules, s, rows, causes, cursor.Count);
                    }

                    s.Settled = true;
                    s.LevelCount = cursor.HeadDepth + 1;
                    s.Levels[cursor.HeadDepth + 1] = cursor.Count;
                    s.HasLevels = true;
                    return true;
            }
        }
    }

    /// <summary>Tests: the rare cases <see cref="WalkSmall"/> met.</summary>
    internal sealed class SmallWalkCounts
    {
        public int Walks, Visits, Rooms, Levels, HandOvers, AllDown, Drains;

        public void Count(SmallWalkStop stop, bool noRedundantEntry)
        {
            switch (stop)
            {
                case SmallWalkStop.Visit: Visits++; break;
                case SmallWalkStop.Room: Rooms++; break;
                case SmallWalkStop.Levels: Levels++; break;
                case SmallWalkStop.HandOver: HandOvers++; Walks++; break;
                default: Walks++; AllDown += noRedundantEntry ? 1 : 0; break;
            }
        }
    }

    /// <summary>Where <see cref="ReachSmall"/> stopped (everything it needs to resume) and what it reached.</summary>
    private struct SmallWalkCursor
    {
        /// <summary>The head whose row is being read; after <see cref="SmallWalkStop.Done"/> or <see cref="SmallWalkStop.HandOver"/>, the first head whose row was not.</summary>
        public int Head;

        /// <summary>The next entry of the head's row to read, and the row's end.</summary>
        public int I, End;

        public int Count, HeadDepth, LevelEnd;

        /// <summary>The sign bit set once a CI got its slot over a redundant entry.</summary>
        public int Redundant;

        /// <summary>After <see cref="SmallWalkStop.Room"/>: the slots the next row needs.</summary>
        public int Room;
    }

    internal enum SmallWalkStop
    {
        /// <summary>Nothing grows any more (closure complete, or the depth limit).</summary>
        Done,

        /// <summary>The closure passed the limit: <see cref="WalkFast"/> goes on.</summary>
        HandOver,

        /// <summary>The entry at <see cref="SmallWalkCursor.I"/> names a CI outside the compact facts (or retired): <see cref="VisitLocal"/>.</summary>
        Visit,

        /// <summary>The next row needs more slots or links.</summary>
        Room,

        /// <summary>The next level needs a larger <see cref="TraversalScratch.Levels"/>.</summary>
        Levels,
    }

    /// <summary>The compact facts that send <see cref="ReachSmall"/> to the full facts, as a constant of the type (one register less in its loop).</summary>
    private interface IRejectMask
    {
        static abstract int Mask { get; }
    }

    /// <summary>Retired CIs do not take part: unknown and retired facts go to the full facts (<see cref="VisitLocal"/> excludes them).</summary>
    private struct RejectUnknownOrRetired : IRejectMask
    {
        public static int Mask => LocalFacts.UnknownBit | LocalFacts.RetiredBit;
    }

    /// <summary>Retired CIs take part: only unknown facts go to the full facts.</summary>
    private struct RejectUnknown : IRejectMask
    {
        public static int Mask => LocalFacts.UnknownBit;
    }

    /// <summary>
    /// The breadth-first search of <see cref="WalkSmall"/>, from <paramref name="c"/> on, until it is done or meets a case
    /// it leaves to its caller. Per new CI it writes what <see cref="WalkFast"/> writes but the state. Heads one at a
    /// time: a small closure has few runs of consecutive heads.
    /// </summary>
    /// <remarks>
    /// Written so the JIT keeps the entry loop's values in registers (x64 has 14 to give): the CIs to reject are a
    /// constant of <typeparamref name="TReject"/> (whether retired CIs take part), the depth limit is tested at level
    /// steps only (the depth changes nowhere else), and the hand-over and room tests are one compare per head against
    /// the smaller of both (the exact tests only when it fails). Before, the seen entry's path stored and reloaded
    /// three values per entry (hypervisor Impact + Summary −2.5 to −3 %, same-process A/B, session 13). A closure that
    /// reaches the depth limit at the level step where it passes <paramref name="limit"/> now ends here instead of being
    /// handed over: the limit only chooses the faster walk, both give the same answer. Each head asks the cache for the
    /// next head's entries and the row start of the one after (<see cref="PrefetchNextRows"/>; −0.7 to −1 %).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SmallWalkStop ReachSmall<TReject>(TraversalScratch s, PropagationRows rows, ref SmallWalkCursor c, int maxDepth, int limit)
        where TReject : struct, IRejectMask
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(rows.Nodes); // row starts at 2n, facts at 2n + 1
        ref var entries = ref MemoryMarshal.GetArrayDataReference(rows.Entry);
        ref var mark = ref MemoryMarshal.GetArrayDataReference(s.LocalMark);
        ref var local = ref MemoryMarshal.GetArrayDataReference(s.Local);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(s.Pred);
        ref var slotFacts = ref MemoryMarshal.GetArrayDataReference(s.SlotFacts);
        var stamp = s.LocalStamp;
        var room = s.Local.Length;
        var cap = Math.Min(room, limit);
        int head = c.Head, i = c.I, end = c.End, count = c.Count, redundant = c.Redundant;
        int headDepth = c.HeadDepth, levelEnd = c.LevelEnd;
        SmallWalkStop stop;
        if (headDepth >= maxDepth)
        {
            stop = SmallWalkStop.Done;
            goto Stop;
        }

        while (true)
        {
            for (; i < end; i++)
            {
                var entry = At(ref entries, i);
                var v = PropagationRows.Neighbour(entry);
                var m = At(ref mark, v);
                if ((m & TraversalScratch.StampMask) == stamp) continue;

                var known = At(ref nodes, (2 * v) + 1);
                if ((known & TReject.Mask) != 0)
                {
                    stop = SmallWalkStop.Visit;
                    goto Stop;
                }

                redundant |= entry; // the sign bit: a redundant entry
                At(ref mark, v) = stamp | count;
                At(ref local, count) = v;
                At(ref pred, count) = i;
                At(ref slotFacts, count) = known;
                count++;
            }

            if (++head >= count)
            {
                stop = SmallWalkStop.Done;
                goto Stop;
            }

            if (head == levelEnd)
            {
                var levels = s.Levels;
                if (headDepth + 2 >= levels.Length)
                {
                    head--;
                    stop = SmallWalkStop.Levels;
                    goto Stop;
                }

                levels[++headDepth] = head;
                levelEnd = count;
                if (headDepth >= maxDepth)
                {
                    stop = SmallWalkStop.Done; // every later slot is as deep: nothing grows any more
                    goto Stop;
                }
            }

            var u = At(ref local, head);
            (i, end) = (At(ref nodes, 2 * u), At(ref nodes, (2 * u) + 2));
            if (head + 2 < count) PrefetchNextRows(ref nodes, ref entries, ref local, head);
            if (count + (end - i) > cap)
            {
                if (count > limit)
                {
                    stop = SmallWalkStop.HandOver;
                    goto Stop;
                }

                if (count + (end - i) > room)
                {
                    c.Room = end - i;
                    (head, i, end) = (head - 1, 0, 0); // this head again, once there is room (its level step is done)
                    stop = SmallWalkStop.Room;
                    goto Stop;
                }
            }
        }

    Stop:
        (c.Head, c.I, c.End, c.Count, c.HeadDepth, c.LevelEnd, c.Redundant) = (head, i, end, count, headDepth, levelEnd, redundant);
        return stop;
    }
}
