namespace Cmdb.Domain.Impact.Export;

/// <summary>
/// Writes a <see cref="Subgraph"/> as Graphviz DOT, a Mermaid flowchart or JSON. Every text that comes from data
/// (ids, labels, class and type names) is escaped for the target format, quotes and line breaks included.
/// </summary>
public static partial class GraphExport
{
    /// <summary>The state as the API spells it (DOWN, DEGRADED, AT_RISK), or null.</summary>
    public static string? StateName(ImpactState? state) => state switch
    {
        ImpactState.Down => "DOWN",
        ImpactState.Degraded => "DEGRADED",
        ImpactState.AtRisk => "AT_RISK",
        _ => null,
    };

    private static string? FillColour(ImpactState? state) => state switch
    {
        ImpactState.Down => "#f4cccc",
        ImpactState.Degraded => "#fce5cd",
        ImpactState.AtRisk => "#fff2cc",
        _ => null,
    };
}
