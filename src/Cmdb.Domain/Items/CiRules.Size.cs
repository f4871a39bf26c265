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

    /// <summary>The node type of <c>JsonValue.Create(string)</c>: its string is read without a copy.</summary>
    private static readonly Type HeldString = JsonValue.Create("").GetType();

    /// <summary>
    /// At least as many bytes as <paramref name="value"/> takes in <see cref="Utf8Size"/>'s text, without writing it, or
    /// <see cref="long.MaxValue"/> when that is not known cheaply: anything but null or a string held as a .NET string
    /// (a parsed value holds UTF-8 or an element, and reading its string would copy it), or a string with a surrogate.
    /// A string is written as at most six bytes per UTF-16 unit (<c>\uXXXX</c>, the default encoder's longest escape)
    /// plus its quotes.
    /// </summary>
    private static long Utf8Bound(JsonNode? value)
    {
        if (value is null) return 4; // null
        if (value.GetType() != HeldString || !value.AsValue().TryGetValue<string>(out var text)) return long.MaxValue;
        foreach (var c in text)
        {
            // A plain loop: IndexOfAnyInRange allocated (96 bytes a call, measured in a test build).
            if (char.IsSurrogate(c)) return long.MaxValue;
        }

        return EscapedBound(text.Length);
    }

    /// <summary>The most bytes a JSON string of <paramref name="length"/> UTF-16 units without surrogates takes, quotes included.</summary>
    private static long EscapedBound(int length) => 6L * length + 2;

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
