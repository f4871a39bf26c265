using System.Security.Cryptography;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// ULIDs for the new CIs of one batch: the batch's millisecond, then a random 80-bit value that the following CIs of
/// the batch increment (the ULID spec's monotonic mode).
/// </summary>
/// <remarks>
/// Every id of a batch shares its timestamp, so with independent random parts each index keyed by CI id would take
/// a bulk import's inserts at random places; increasing ids append instead, which is several times cheaper.
/// </remarks>
internal sealed class UlidSequence
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly ulong _ms;
    private UInt128 _random;
    private bool _started;

    public UlidSequence(DateTimeOffset at) => _ms = (ulong)at.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;

    public string Next()
    {
        if (_started)
        {
            _random++;
        }
        else
        {
            Span<byte> bytes = stackalloc byte[10];
            RandomNumberGenerator.Fill(bytes);
            bytes[0] &= 0x7F; // a start below half the range: no batch can run the 80 bits over
            _random = 0;
            foreach (var b in bytes) _random = _random << 8 | b;
            _started = true;
        }

        var value = (UInt128)_ms << 80 | _random;
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ulong)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
