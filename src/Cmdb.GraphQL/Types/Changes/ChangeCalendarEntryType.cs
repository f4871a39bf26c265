using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeCalendarEntryType : ObjectGraphType<ChangeCalendarEntry>
{
    public ChangeCalendarEntryType()
    {
        Name = "ChangeCalendarEntry";
        Description = "A change in the period, with the other changes in the period whose windows overlap it.";
        Field<NonNullGraphType<ChangeRecordType>>("change").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeRecordType>>>>("overlaps").Resolve(c => c.Source.Overlaps);
    }
}
