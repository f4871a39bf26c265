using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class EditCheckType : ObjectGraphType<EditCheck>
{
    public EditCheckType()
    {
        Name = "EditCheck";
        Description = "A declared topology edit and whether the graph shows it at the end of the window.";
        Field<NonNullGraphType<TopologyEditType>>("edit").Resolve(c => c.Source.Edit);
        Field<NonNullGraphType<BooleanGraphType>>("happened").Resolve(c => c.Source.Happened);
        Field<StringGraphType>("observed").Description("SET_FIELD: the value the CI showed when the window closed (null when absent).").Resolve(c => c.Source.Observed);
    }
}
