using System.Security.Cryptography;
using System.Text;

namespace Cmdb.Domain.Events;

/// <summary>A stable fingerprint for senders that give none: a hash of the source and the sorted label set.</summary>
public static class EventFingerprint
{
    public static string Compute(string source, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var text = new StringBuilder(source).Append('\n');
        foreach (var (k, v) in labels.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(k).Append('\u001f').Append(v).Append('\u001e');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>The value without a trailing <c>:port</c> (IPv6 in brackets keeps its colons).</summary>
    public static string StripPort(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1) return value;
        if (AllDigits(value.AsSpan(colon + 1)))
        {
            var host = value[..colon];
            if (host.Contains(':', StringComparison.Ordinal) && !host.EndsWith(']')) return value; // bare IPv6, no port
            return host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        }

        return value;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }
}
