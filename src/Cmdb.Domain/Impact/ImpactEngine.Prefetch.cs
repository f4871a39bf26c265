using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>How many entries ahead the walk asks for a neighbour's facts: enough to cover a memory access.</summary>
    private const int PrefetchAhead = 16;

    /// <summary>
    /// Asks the CPU to load <paramref name="node"/>'s packed facts into the cache (a hint: nothing is read, and an
    /// address past the array cannot fault). No-op without SSE.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchFacts(long[] facts, int node)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(facts), 2 * (nint)node)));
    }
}
