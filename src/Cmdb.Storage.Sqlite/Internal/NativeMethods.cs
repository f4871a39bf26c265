using System.Runtime.InteropServices;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The few SQLite calls a bulk write makes per row, imported straight from the native library SQLitePCLRaw loads
/// (<c>e_sqlite3</c>). Its own wrappers take a SafeHandle per call (reference count up and down) and go through a
/// provider interface; per bound value that cost more than the bind itself. Handles come from the wrapper objects,
/// which keep them alive.
/// </summary>
internal static class NativeMethods
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    /// <summary>SQLITE_STATIC: SQLite reads the caller's memory, which must stay put until the statement is bound again.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    [SuppressGCTransition] // short, never blocks: the connection is used by one thread at a time
    [DllImport(Library, EntryPoint = "sqlite3_bind_int64", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    [SuppressGCTransition] // short, never blocks: the connection is used by one thread at a time
    [DllImport(Library, EntryPoint = "sqlite3_bind_null", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindNull(IntPtr statement, int index);

    /// <summary>
    /// UTF-16 text as bytes (a <c>ref char</c> would be marshalled as one ANSI character); <paramref name="bytes"/> is the
    /// length in bytes. The pointer must not be null (null binds NULL).
    /// </summary>
    [DllImport(Library, EntryPoint = "sqlite3_bind_text16", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindText16(IntPtr statement, int index, ref byte text, int bytes, IntPtr destructor);

    /// <summary>UTF-8 text; the pointer must not be null (null binds NULL).</summary>
    [SuppressGCTransition] // short, never blocks: the connection is used by one thread at a time
    [DllImport(Library, EntryPoint = "sqlite3_bind_text", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindText(IntPtr statement, int index, ref byte text, int bytes, IntPtr destructor);

    /// <summary>UTF-8 text at an address that stays put (pinned) until the statement is bound again; never a null address.</summary>
    [SuppressGCTransition] // short, never blocks: the connection is used by one thread at a time
    [DllImport(Library, EntryPoint = "sqlite3_bind_text", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindText(IntPtr statement, int index, IntPtr text, int bytes, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_step", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Reset(IntPtr statement);

    /// <summary>Called by SQLite on the committing thread after each commit, with the pages now in the WAL.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int WalHook(IntPtr context, IntPtr database, IntPtr databaseName, int pages);

    /// <summary>Replaces the connection's WAL hook (and with it <c>wal_autocheckpoint</c>, which is one); null removes it.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_wal_hook", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern IntPtr SetWalHook(IntPtr database, WalHook? hook, IntPtr context);

    [DllImport(Library, EntryPoint = "sqlite3_changes", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Changes(IntPtr database);
}
