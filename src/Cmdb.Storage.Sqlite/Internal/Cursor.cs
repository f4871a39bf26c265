using System.Buffers.Text;
using System.Text;
using Cmdb.Domain.Errors;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Opaque page cursors: a kind prefix and a key, base64url-encoded.</summary>
internal static class Cursor
{
    public const int MaxPageSize = 1000;

    public static string Encode(char kind, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{key}"));

    /// <summary>The key inside <paramref name="cursor"/>, or null for no cursor; a foreign or broken cursor is a validation error.</summary>
    public static string? Decode(char kind, string? cursor)
    {
        if (cursor is null) return null;
        string? text = null;
        if (cursor.Length <= 1024 && Base64Url.IsValid(cursor))
        {
            try { text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
            catch (FormatException) { text = null; }
        }

        if (text is null || text.Length < 3 || text[0] != kind || text[1] != ':')
            throw CmdbException.Invalid("The cursor 'after' is not one this list gave out; pass the endCursor of the previous page.", "after");
        return text[2..];
    }

    public static void EnsurePageSize(int first)
    {
        if (first is < 1 or > MaxPageSize)
            throw CmdbException.Invalid($"first must be between 1 and {MaxPageSize}, not {first}.", "first");
    }
}
