using System.Globalization;
using System.Text;
using Cmdb.Domain.Errors;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>
/// Cursors of impact and dependency items: the item's offset in the result's stable order, made opaque. The result
/// is recomputed per request, so a cursor stays meaningful as long as the topology it was read at is asked again
/// (pass the same asOf to page through a moving estate).
/// </summary>
public static class ItemCursor
{
    private const string Prefix = "item:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset of the first item after <paramref name="after"/> (0 without a cursor).</summary>
    public static int Next(string? after)
    {
        if (after is null) return 0;
        if (TryDecode(after, out var offset) && offset < int.MaxValue) return offset + 1;
        throw CmdbException.Invalid("after must be a cursor taken from a previous page of the same list (endCursor or an edge's cursor).", "after");
    }

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = -1;
        if (cursor.Length is 0 or > 64) return false;
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length)) return false;
        var text = Encoding.UTF8.GetString(bytes, 0, length);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
