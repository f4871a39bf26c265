using Cmdb.Domain.Events;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Incidents;

namespace Cmdb.Domain.Changes;

/// <summary>
/// Everything an assessment reads besides the change: the graph (read at <see cref="Seq"/>, null = latest), the other
/// changes (for collisions and for the topology they leave behind), the outcome history, facts about the targets and
/// the time "now" (for history and staleness). Assessment is a pure function of this and the options.
/// </summary>
public sealed record ChangeRiskContext(
    GraphIndex Graph,
    IReadOnlyList<ChangeRecord> OtherChanges,
    IReadOnlyList<ChangeOutcomeEntry> History,
    IReadOnlyDictionary<string, CiFacts> Facts,
    DateTimeOffset Now)
{
    public int? Seq { get; init; }

    /// <summary>
    /// The maintenance-window attribute (<see cref="ChangeRiskOptions.MaintenanceWindowAttribute"/>) of the targets and of
    /// the business services, by CI id; CIs without one are absent. Unparsable values are reported, not thrown.
    /// </summary>
    public IReadOnlyDictionary<string, string> MaintenanceWindows { get; init; } = new Dictionary<string, string>();

    /// <summary>The standard-change template the change names (<see cref="ChangeSpec.TemplateRef"/>), or null when none exists.</summary>
    public ChangeTemplate? Template { get; init; }

    /// <summary>Incidents (any state) on CIs that may be in the blast radius; the assessor keeps those touching what it reaches.</summary>
    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    /// <summary>Monitoring events firing now on CIs that may be in the blast radius.</summary>
    public IReadOnlyList<MonitoringEvent> FiringEvents { get; init; } = [];
}
