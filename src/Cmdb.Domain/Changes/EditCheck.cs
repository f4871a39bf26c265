namespace Cmdb.Domain.Changes;

/// <summary>
/// Whether a declared edit is what the graph shows once the window closed. For a field edit, <see cref="Observed"/> is
/// the value the CI showed then (null when absent).
/// </summary>
public sealed record EditCheck(TopologyEdit Edit, bool Happened, string? Observed = null);
