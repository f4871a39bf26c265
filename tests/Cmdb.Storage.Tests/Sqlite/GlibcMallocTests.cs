using System.Runtime.InteropServices;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// On glibc the store's process keeps native memory freed by SQLite for its next use (<see cref="GlibcMalloc"/>)
/// instead of handing it back to the kernel, where each batch's threads took it back page fault by page fault.
/// Elsewhere nothing is changed (and these tests have nothing to check).
/// </summary>
public sealed class GlibcMallocTests
{
    private const int BlockBytes = 3 << 20; // below GlibcMalloc.OwnMappingBytes, far above glibc's 128 kB

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate MallInfo2 MallInfo2Function();

    [Fact]
    public void SqliteProcessConfig_OnGlibc_AppliesTheMallocSettings()
    {
        SqliteProcessConfig.Apply();
        if (MallInfo() is null) return; // not glibc: nothing applies

        Assert.True(GlibcMalloc.Applied);
    }

    [Fact]
    public void Malloc_OfAFewMegabytes_ComesFromTheHeapsNotAMappingOfItsOwn()
    {
        SqliteProcessConfig.Apply();
        if (MallInfo() is not { } mallinfo) return; // not glibc: nothing applies

        // glibc's defaults map a block this large on its own (over 128 kB) and unmap it at free, so the next batch takes
        // it back from the kernel a page fault at a time. Below GlibcMalloc.OwnMappingBytes it comes from a heap and is
        // reused. Mapped bytes (hblkhd) are compared while the block is held.
        var before = mallinfo().MappedBytes;
        var block = Marshal.AllocHGlobal(BlockBytes); // malloc on Linux
        var held = mallinfo().MappedBytes;
        Marshal.FreeHGlobal(block);

        Assert.True((long)held - (long)before < BlockBytes, $"mapped bytes before {before}, with the block held {held}");
    }

    private static MallInfo2Function? MallInfo() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc)
            && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _)
            && NativeLibrary.TryGetExport(libc, "mallinfo2", out var address)
            ? Marshal.GetDelegateForFunctionPointer<MallInfo2Function>(address)
            : null;

    /// <summary>glibc's <c>struct mallinfo2</c> (malloc.h), every field a <c>size_t</c>, summed over all arenas.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
#pragma warning disable CS0169, CS0649 // written by glibc through the marshalled return value; only hblkhd is read
        private readonly nuint _arena, _ordblks, _smblks, _hblks, _hblkhd, _usmblks, _fsmblks, _uordblks, _fordblks, _keepcost;
#pragma warning restore CS0169, CS0649

        /// <summary>Bytes in blocks mapped on their own (<c>hblkhd</c>), each unmapped when freed.</summary>
        public nuint MappedBytes => _hblkhd;
    }
}
