namespace Cmdb.Domain.Impact;

/// <summary>Limits of the impact analyzer; the API exposes the defaults and refuses requests beyond the caps.</summary>
public sealed record ImpactOptions
{
    /// <summary>Hops followed when a request names no depth.</summary>
    /// <value>10.</value>
    public int DefaultMaxDepth { get; init; } = 10;

    /// <summary>The largest depth a request may ask for.</summary>
    /// <value>50.</value>
    public int MaxDepthCap { get; init; } = 50;

    /// <summary>The most paths one <see cref="ImpactAnalyzer.Paths"/> request may ask for.</summary>
    /// <value>20.</value>
    public int MaxPathCount { get; init; } = 20;
}
