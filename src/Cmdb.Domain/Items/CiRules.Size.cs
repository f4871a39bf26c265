using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmdb.Domain.Items;

public static partial class CiRules
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _sizeBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _sizeWriter;

    /// <summary>
    /// The UTF-8 length of <c>attributes.ToJsonString()</c>, written into a buffer this thread reuses: the string (and its
    /// UTF-8 copy) per record was a visible share of a bulk import's allocations.
    /// </summary>
    private static int Utf8Size(JsonObject attributes)
    {
        var buffer = _sizeBuffer ??= new ArrayBufferWriter<byte>(1024);
        var w = _sizeWriter ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        attributes.WriteTo(w);
        w.Flush();
        var size = buffer.WrittenCount;
        if (buffer.Capacity > 4 * MaxAttributesBytes) (_sizeBuffer, _sizeWriter) = (null, null); // do not keep an outsized one
        return size;
    }
}
