using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeVerificationType : ObjectGraphType<ChangeVerification>
{
    public ChangeVerificationType()
    {
        Name = "ChangeVerification";
        Description = "What a change declared against what was recorded during its window (by discovery or anyone else).";
        Field<NonNullGraphType<IdGraphType>>("changeId").Resolve(c => c.Source.ChangeId);
        Field<NonNullGraphType<BooleanGraphType>>("windowClosed").Description("False while the window is open: the answer is provisional.").Resolve(c => c.Source.WindowClosed);
        Field<NonNullGraphType<BooleanGraphType>>("clean").Description("Every declared edit happened and nothing undeclared was seen.").Resolve(c => c.Source.Clean);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EditCheckType>>>>("edits").Resolve(c => c.Source.Edits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UndeclaredChangeType>>>>("undeclared")
            .Description("Changes in the blast radius (as it was when the window opened) that no declared edit explains; changes to the targets themselves are authorised.")
            .Resolve(c => c.Source.Undeclared);
    }
}
