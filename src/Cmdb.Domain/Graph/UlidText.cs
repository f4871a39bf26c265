using System.Runtime.CompilerServices;

namespace Cmdb.Domain.Graph;

/// <summary>
/// The canonical text of a ULID (26 upper-case Crockford base32 characters, the first at most '7') to and from its
/// 128-bit value, so the index can hold a CI id in 16 bytes instead of a 26-character string.
/// </summary>
/// <remarks>
/// Only the canonical spelling parses: the store compares ids as exact text, so "01h…" and "01H…" are different
/// CIs, and a value must turn back into exactly the text it came from. Anything else is not a ULID here.
/// </remarks>
public static class UlidText
{
    public const int Length = 26;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Digit value by byte; 0xFF for anything outside the canonical alphabet.</summary>
    private static ReadOnlySpan<byte> Digits =>
    [
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
        255, 10, 11, 12, 13, 14, 15, 16, 17, 255, 18, 19, 255, 20, 21, 255,
        22, 23, 24, 25, 26, 255, 27, 28, 29, 30, 31, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
        255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    ];

    /// <summary>Parses the canonical text from UTF-8 bytes (as SQLite hands them back), without making a string.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out UInt128 value)
    {
        value = default;
        if (utf8.Length != Length) return false;
        var digits = Digits;
        var bad = 0;
        ulong time = 0, middle = 0, low = 0; // 10 characters = the 48-bit time (the first holds 3 bits), then 8 + 8 of 40 bits
        for (var i = 0; i < 10; i++)
        {
            var d = digits[utf8[i]];
            bad |= d;
            time = (time << 5) | (d & 31u);
        }

        for (var i = 10; i < 18; i++)
        {
            var d = digits[utf8[i]];
            bad |= d;
            middle = (middle << 5) | (d & 31u);
        }

        for (var i = 18; i < 26; i++)
        {
            var d = digits[utf8[i]];
            bad |= d;
            low = (low << 5) | (d & 31u);
        }

        if ((bad & 0xE0) != 0 || utf8[0] > (byte)'7') return false;
        value = Compose(time, middle, low);
        return true;
    }

    /// <summary>Parses the canonical text of a ULID; false for anything else (other case, length or characters).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = default;
        if (text.Length != Length) return false;
        Span<byte> bytes = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            var c = text[i];
            if (c > 127) return false;
            bytes[i] = (byte)c;
        }

        return TryParse(bytes, out value);
    }

    /// <summary>Writes the canonical text of <paramref name="value"/> into 26 characters.</summary>
    public static void Format(UInt128 value, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        var hi = (ulong)(value >> 64);
        var lo = (ulong)value;
        var low = lo & ((1UL << 40) - 1);
        var middle = (lo >> 40) | ((hi & 0xFFFF) << 24);
        var time = hi >> 16;
        for (var i = 25; i >= 18; i--, low >>= 5) destination[i] = Alphabet[(int)(low & 31)];
        for (var i = 17; i >= 10; i--, middle >>= 5) destination[i] = Alphabet[(int)(middle & 31)];
        for (var i = 9; i >= 0; i--, time >>= 5) destination[i] = Alphabet[(int)(time & 31)];
    }

    /// <summary>The canonical text of <paramref name="value"/> (a new string).</summary>
    public static string Format(UInt128 value) => string.Create(Length, value, static (chars, v) => Format(v, chars));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 Compose(ulong time, ulong middle, ulong low) =>
        new((time << 16) | (middle >> 24), (middle << 40) | low);
}
