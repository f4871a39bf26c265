using System.Text;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Turns user text into an FTS5 query that can only mean "all these words, as prefixes": every word is quoted, so
/// operators (OR, NEAR, -, *, ^, quotes, parentheses, column filters) are just characters that separate words.
/// </summary>
internal static class FtsQuery
{
    public const int MaxWords = 16;

    /// <summary>The MATCH expression, or null when the text holds no word at all (nothing can match).</summary>
    public static string? Build(string text)
    {
        var words = Words(text);
        if (words.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0) sb.Append(" AND ");
            sb.Append('"').Append(word).Append("\"*"); // words hold only letters and digits: no quote to escape
        }

        return sb.ToString();
    }

    /// <summary>The words of the text: runs of letters and digits, lower-cased, first <see cref="MaxWords"/> distinct ones.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < MaxWords; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            if (inWord || start < 0) continue;
            var word = text[start..i].ToLowerInvariant();
            if (!words.Contains(word)) words.Add(word);
            start = -1;
        }

        return words;
    }
}
