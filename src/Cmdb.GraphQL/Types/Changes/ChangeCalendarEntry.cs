using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>A change in the calendar and the other listed changes whose windows overlap it.</summary>
public sealed record ChangeCalendarEntry(ChangeRecord Change, IReadOnlyList<ChangeRecord> Overlaps);
