namespace Cmdb.Domain.Changes;

/// <summary>Another change whose window overlaps and whose blast radius shares the CIs listed.</summary>
public sealed record ChangeCollision(string ChangeId, string Title, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, IReadOnlyList<string> SharedCiIds);
