using System.Runtime.InteropServices;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Tells glibc's <c>malloc</c> (Linux) to keep the memory SQLite frees for its next use instead of handing it back to
/// the kernel at once. A store batch's statement and search threads allocate and free a few MB of native memory each
/// batch (FTS5's in-memory term hash of the batch, record and B-tree balance buffers); with glibc's defaults a free that
/// leaves more than 128 kB at the top of a heap trims it (<c>munmap</c>/<c>madvise</c>), so the next batch asks the
/// kernel again and takes a page fault per 4 kB page it touches (<c>sysmalloc</c> and page faults were about a fifth of
/// both threads' CPU in a profile of session 14's base).
/// </summary>
/// <remarks>
/// Process-wide (every thread's malloc) and applied once, before the first connection opens, and only where the C
/// library is glibc (<c>gnu_get_libc_version</c> present); elsewhere (musl, Windows, macOS) nothing changes. The
/// settings bound what stays resident: at most <see cref="KeptFreeBytes"/> of free memory at the top of each heap (one
/// per malloc arena) is kept, and it is reused by the next allocation of any thread of that arena; nothing is allocated
/// that would not have been, but memory freed below the peak may stay resident instead of going back to the kernel.
/// Same effect as <c>GLIBC_TUNABLES=glibc.malloc.trim_threshold=…:glibc.malloc.top_pad=…</c>, without asking every
/// host to set the environment.
/// </remarks>
internal static class GlibcMalloc
{
    // mallopt parameters (malloc.h).
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int TopPad = -2; // M_TOP_PAD
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD

    // Session 14 measured these against 64 MB / 16 MB / 32 MB: the same cut in page faults, with a quarter of the memory
    // a heap may keep free (docs/benchmarks.md, "Store batch threads").

    /// <summary>Free memory at the top of a heap kept instead of trimmed (glibc: 128 kB, growing with large frees).</summary>
    public const int KeptFreeBytes = 16 << 20;

    /// <summary>Extra memory a heap grows by when it must grow, so that growth is rarer (glibc: 128 kB).</summary>
    public const int GrowthPadBytes = 4 << 20;

    /// <summary>
    /// Allocations at least this large get their own mapping (glibc starts at 128 kB). Setting the trim threshold turns
    /// glibc's dynamic mmap threshold off, so it is set too: an FTS5 hash slot array or doclist buffer over 128 kB would
    /// otherwise be mapped and unmapped (and faulted in) every time.
    /// </summary>
    public const int OwnMappingBytes = 4 << 20;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MalloptFunction(int parameter, int value);

    /// <summary>True once the settings were applied (glibc found and every <c>mallopt</c> call accepted).</summary>
    public static bool Applied { get; private set; }

    /// <summary>Applies the settings when the process runs on glibc; returns whether it did.</summary>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (!NativeLibrary.TryLoad("libc.so.6", out var libc)) return false;
        // glibc only: musl also answers to mallopt but ignores it; gnu_get_libc_version tells them apart.
        if (!NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _)) return false;
        if (!NativeLibrary.TryGetExport(libc, "mallopt", out var address)) return false;
        var mallopt = Marshal.GetDelegateForFunctionPointer<MalloptFunction>(address);
        // mallopt returns 1 on success, 0 on a refused value.
        Applied = mallopt(MmapThreshold, OwnMappingBytes) == 1
            & mallopt(TrimThreshold, KeptFreeBytes) == 1
            & mallopt(TopPad, GrowthPadBytes) == 1;
        return Applied;
    }
}
