using System.Buffers;
using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// A JSON array of ids as UTF-8 (for <c>json_each</c>), written into a buffer the calling thread keeps from one read to
/// the next instead of a new string per read.
/// </summary>
/// <remarks>
/// The text is valid only until the thread's next call: bind it (a <see cref="Statement"/> copies bound text into its
/// own buffer) before anything else on the thread writes an array. Ids are escaped as JSON requires, like any string.
/// A list of more than <see cref="MaxKeptIds"/> ids gets a buffer of its own, so that no thread keeps a huge one.
/// </remarks>
internal static class IdArray
{
    /// <summary>Lists up to this long use the thread's buffer (a discovery chunk is 5,000 ids, about 150 kB).</summary>
    public const int MaxKeptIds = 20_000;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static ReadOnlyMemory<byte> Of(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > MaxKeptIds)
        {
            var own = new ArrayBufferWriter<byte>(32 * ids.Count);
            using var w = new Utf8JsonWriter(own);
            Write(w, ids);
            return own.WrittenMemory;
        }

        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        Write(writer, ids);
        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter w, IReadOnlyCollection<string> ids)
    {
        w.WriteStartArray();
        foreach (var id in ids) w.WriteStringValue(id);
        w.WriteEndArray();
        w.Flush();
    }
}
