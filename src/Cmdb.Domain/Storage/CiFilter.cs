using Cmdb.Domain.Items;

namespace Cmdb.Domain.Storage;

/// <summary>Conditions on CIs; all given conditions must hold. Null or empty lists impose nothing.</summary>
public sealed record CiFilter
{
    /// <summary>Class names; a CI matches when its class is one of these or extends one.</summary>
    public IReadOnlyList<string>? Classes { get; init; }
    public IReadOnlyList<CiStatus>? Statuses { get; init; }
    public IReadOnlyList<string>? Environments { get; init; }
    public IReadOnlyList<int>? Criticalities { get; init; }
    /// <summary>The CI must carry every one of these tags.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Owner { get; init; }
    public string? SupportGroup { get; init; }
    /// <summary>Attribute name to value; a scalar attribute matches when its text form equals the value (true/false for booleans).</summary>
    public IReadOnlyDictionary<string, string>? AttributeEquals { get; init; }

    public static readonly CiFilter None = new();
}
