using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class PlannedUpdateType : ObjectGraphType<PlannedUpdate>
{
    public PlannedUpdateType()
    {
        Name = "PlannedUpdate";
        Description = "A CI a discovery run would change.";
        Field<NonNullGraphType<StringGraphType>>("scope").Description("The scope it was found in.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI.").Resolve(c => c.Source.CiId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedFieldChangeType>>>>("changes").Description("Field by field, applied or kept by precedence.").Resolve(c => c.Source.Changes);
    }
}
