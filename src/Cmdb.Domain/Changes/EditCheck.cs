namespace Cmdb.Domain.Changes;

/// <summary>Whether a declared edit is what the graph shows once the window closed.</summary>
public sealed record EditCheck(TopologyEdit Edit, bool Happened);
