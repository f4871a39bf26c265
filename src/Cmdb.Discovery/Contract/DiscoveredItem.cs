using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Contract;

/// <summary>
/// One configuration item as a source saw it: its class, a display name and the identifiers the class's
/// identification rule matches on. Optional fields are null when the source does not know them, never <c>""</c>.
/// </summary>
/// <param name="Class">A concrete class of the model (a name from <c>WellKnown.Classes</c> for built-in ones).</param>
/// <param name="Name">Display name.</param>
/// <param name="Identifiers">Scheme to value; at least one scheme of the class's identification rule.</param>
/// <param name="Attributes">Free attributes the source observed, or null.</param>
public sealed record DiscoveredItem(
    string Class,
    string Name,
    IReadOnlyDictionary<string, string> Identifiers,
    JsonObject? Attributes = null)
{
    public CiStatus? Status { get; init; }

    public string? Environment { get; init; }

    public int? Criticality { get; init; }

    public string? Owner { get; init; }

    public string? SupportGroup { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>For group CIs (workloads, clusters): how many members must be healthy for the group to be up.</summary>
    public int? MinHealthy { get; init; }

    /// <summary>A reference to this item by the identifier <paramref name="scheme"/>, which it must carry.</summary>
    public DiscoveredRef RefBy(string scheme) =>
        Identifiers.TryGetValue(scheme, out var value)
            ? new DiscoveredRef(scheme, value)
            : throw new InvalidOperationException($"{Class} '{Name}' carries no identifier '{scheme}'.");

    /// <summary>The settable CI fields this item maps to in a write.</summary>
    public CiFields ToFields() => new()
    {
        Name = Name,
        Status = Status,
        Environment = Environment,
        Criticality = Criticality,
        Owner = Owner,
        SupportGroup = SupportGroup,
        Tags = Tags,
        Attributes = Attributes?.DeepClone().AsObject(),
        Identifiers = Identifiers,
        MinHealthy = MinHealthy,
    };
}
