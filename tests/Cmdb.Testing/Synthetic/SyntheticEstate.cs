namespace Cmdb.Testing.Synthetic;

/// <summary>
/// A deterministic synthetic IT estate: data centres, switches, hypervisors and clusters, virtual machines,
/// Kubernetes, applications in tiers, shared data stores and business services, related only as seed/model.json
/// allows. The same count and seed always give the same estate, byte for byte.
/// </summary>
/// <remarks>
/// CIs and relationships are kept in flat arrays and turned into strings only when asked for, so a million-CI
/// estate costs tens of megabytes, not gigabytes.
/// </remarks>
public sealed partial class SyntheticEstate
{
    private static readonly string?[] EnvironmentNames = [null, "production", "staging"];
    private static readonly string[] Engines = ["postgresql", "mysql", "oracle"];

    private readonly SyntheticKind[] _kinds;
    private readonly int[] _ordinals;
    private readonly byte[] _environments;
    private readonly byte[] _criticalities;
    private readonly short[] _minHealthy;
    private readonly int[] _sources;
    private readonly int[] _targets;
    private readonly SyntheticRelationshipType[] _types;

    private SyntheticEstate(int seed, EstateBuilder b)
    {
        Seed = seed;
        CiCount = b.CiCount;
        RelationshipCount = b.RelationshipCount;
        _kinds = b.Kinds;
        _ordinals = b.Ordinals;
        _environments = b.Environments;
        _criticalities = b.Criticalities;
        _minHealthy = b.MinHealthy;
        _sources = b.Sources;
        _targets = b.Targets;
        _types = b.Types;
        References = ChooseReferences(b);
    }

    public int Seed { get; }

    public int CiCount { get; }

    public int RelationshipCount { get; }

    /// <summary>The CIs the benchmarks start from.</summary>
    public ReferenceCis References { get; }

    /// <summary>Generates an estate of about <paramref name="ciCount"/> CIs (within a few percent) with about four relationships per CI.</summary>
    public static SyntheticEstate Generate(int ciCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ciCount, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ciCount, 50_000_000);
        var builder = new EstateBuilder(seed);
        builder.Build(ciCount);
        return new SyntheticEstate(seed, builder);
    }

    public SyntheticKind Kind(int ci) => _kinds[ci];

    public string Class(int ci) => SyntheticKindInfo.Of(_kinds[ci]).Class;

    /// <summary>A ULID derived from the seed and the index, so ids are stable and unique without a clock.</summary>
    public string Id(int ci) => SyntheticIds.Ulid(Seed, ci);

    public string Name(int ci)
    {
        var info = SyntheticKindInfo.Of(_kinds[ci]);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Prefix}-{_ordinals[ci]:D7}");
    }

    /// <summary>The value of the CI's main identifier (scheme: <see cref="SyntheticKindInfo.Scheme"/>).</summary>
    public string IdentifierValue(int ci) => SyntheticIds.Identifier(Seed, _kinds[ci], _ordinals[ci], Name(ci));

    public string? Environment(int ci) => EnvironmentNames[_environments[ci]];

    public int? Criticality(int ci) => _criticalities[ci] == 0 ? null : _criticalities[ci];

    public int? MinHealthy(int ci) => _minHealthy[ci] == 0 ? null : _minHealthy[ci];

    public string? Engine(int ci) => _kinds[ci] == SyntheticKind.Database ? Engines[_ordinals[ci] % Engines.Length] : null;

    public SyntheticCi Ci(int ci)
    {
        var info = SyntheticKindInfo.Of(_kinds[ci]);
        var name = Name(ci);
        return new SyntheticCi(
            ci, Id(ci), _kinds[ci], info.Class, name, info.Scheme, SyntheticIds.Identifier(Seed, _kinds[ci], _ordinals[ci], name),
            info.HasFqdn ? SyntheticIds.Fqdn(name) : null, Environment(ci), Criticality(ci), MinHealthy(ci), Engine(ci));
    }

    public SyntheticRelationshipType Type(int relationship) => _types[relationship];

    public int Source(int relationship) => _sources[relationship];

    public int Target(int relationship) => _targets[relationship];

    public SyntheticRelationship Relationship(int relationship) =>
        new(_types[relationship], _sources[relationship], _targets[relationship]);

    /// <summary>How many CIs of each model class the estate holds.</summary>
    public IReadOnlyDictionary<string, int> CountByClass()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CiCount; i++) counts[Class(i)] = counts.GetValueOrDefault(Class(i)) + 1;
        return counts;
    }

    /// <summary>How many relationships of each type the estate holds.</summary>
    public IReadOnlyDictionary<string, int> CountByRelationshipType()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < RelationshipCount; i++)
        {
            var name = SyntheticRelationshipTypes.Name(_types[i]);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }
}
