namespace Cmdb.Discovery.Framework.Options;

/// <summary>Discovery settings, bound to <see cref="SectionName"/>.</summary>
public sealed class DiscoveryOptions
{
    public const string SectionName = "Cmdb:Discovery";

    /// <summary>The configured sources, keyed by name (<c>Cmdb:Discovery:Sources:NAME</c>).</summary>
    public Dictionary<string, DiscoverySourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>K: after this many consecutive complete runs of a scope that do not report a CI, it is retired.</summary>
    /// <value>3.</value>
    public int StaleAfterMissedRuns { get; set; } = 3;

    /// <summary>A missed CI last seen longer ago than this is retired at the next complete run of its scope; null: no age rule.</summary>
    /// <value>30 days.</value>
    public TimeSpan? RetireAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A run that would retire more than max(<see cref="HoldMinimum"/>, <see cref="HoldPercent"/> % of a scope) is held.</summary>
    /// <value>50.</value>
    public int HoldMinimum { get; set; } = 50;

    /// <value>10.</value>
    public double HoldPercent { get; set; } = 10;

    /// <summary>Operations per store transaction.</summary>
    /// <value>5000.</value>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Attribute-level precedence, first matching rule wins (see <see cref="PrecedenceRuleOptions"/>).</summary>
    public List<PrecedenceRuleOptions> Precedence { get; set; } = [];
}
