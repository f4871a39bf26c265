using Cmdb.Domain.Model;
using System.Globalization;

namespace Cmdb.Testing.Synthetic;

/// <summary>Deterministic ids and identifier values for synthetic CIs.</summary>
internal static class SyntheticIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>2026-01-01T00:00:00Z: every synthetic ULID carries this time.</summary>
    private const ulong EpochMs = 1_767_225_600_000UL;

    /// <summary>A well-formed ULID: the fixed time, then 32 bits of seed and 48 bits of index.</summary>
    public static string Ulid(int seed, int index)
    {
        var high = EpochMs << 16 | (uint)seed >> 16;
        var low = (ulong)(ushort)seed << 48 | (ulong)(uint)index;
        var value = new UInt128(high, low);
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }

    public static string Identifier(int seed, SyntheticKind kind, int ordinal, string name)
    {
        var scheme = SyntheticKindInfo.Of(kind).Scheme;
        return scheme switch
        {
            // Kubernetes uids and VM uuids are UUID-shaped, as discovery reports them.
            Cmdb.Domain.Model.WellKnown.Identifiers.K8sUid or WellKnown.Identifiers.VmUuid => string.Create(
                CultureInfo.InvariantCulture, $"{(uint)seed:x8}-{(int)kind:x4}-4000-8000-{ordinal:x12}"),
            Cmdb.Domain.Model.WellKnown.Identifiers.Fqdn => Fqdn(name),
            _ => name,
        };
    }

    public static string Fqdn(string name) => name + ".synthetic.example";
}
