using Cmdb.Domain.Graph;

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
}
