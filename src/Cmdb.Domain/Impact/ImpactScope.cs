namespace Cmdb.Domain.Impact;

/// <summary>What an impact, dependency, path or single-point-of-failure question looks at. Every member is optional.</summary>
public sealed record ImpactScope
{
    /// <summary>Hops to follow; null uses <see cref="ImpactOptions.DefaultMaxDepth"/>.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Relationship type names to follow; null or empty follows every type (each still by its propagation).</summary>
    public IReadOnlyCollection<string>? RelationshipTypes { get; init; }

    /// <summary>Environments to report; null or empty reports all. Trouble still travels through other environments.</summary>
    public IReadOnlyCollection<string>? Environments { get; init; }

    /// <summary>The commit to read the topology at (see <c>GraphIndex.Commits.Resolve</c>); null reads the latest.</summary>
    public int? AsOfSeq { get; init; }

    /// <summary>Whether retired CIs take part; by default they are neither reached nor counted as alternatives.</summary>
    public bool IncludeRetired { get; init; }

    /// <summary>The scope with every default.</summary>
    public static ImpactScope Default { get; } = new();
}
