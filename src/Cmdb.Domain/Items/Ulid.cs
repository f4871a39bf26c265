using System.Security.Cryptography;

namespace Cmdb.Domain.Items;

/// <summary>
/// ULIDs (26 characters, Crockford base32): 48 bits of milliseconds then 80 random bits, so ids sort by creation time.
/// </summary>
public static class Ulid
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, ms >>= 8) bytes[i] = (byte)ms;
        RandomNumberGenerator.Fill(bytes[6..]);
        return Encode(bytes);
    }

    /// <summary>True for a well-formed ULID (any case).</summary>
    public static bool IsValid(string? s)
    {
        if (s is null || s.Length != 26 || s[0] > '7') return false;
        foreach (var c in s)
        {
            if (!Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private static string Encode(ReadOnlySpan<byte> b)
    {
        var value = new UInt128(
            (ulong)b[0] << 56 | (ulong)b[1] << 48 | (ulong)b[2] << 40 | (ulong)b[3] << 32 | (ulong)b[4] << 24 | (ulong)b[5] << 16 | (ulong)b[6] << 8 | b[7],
            (ulong)b[8] << 56 | (ulong)b[9] << 48 | (ulong)b[10] << 40 | (ulong)b[11] << 32 | (ulong)b[12] << 24 | (ulong)b[13] << 16 | (ulong)b[14] << 8 | b[15]);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
