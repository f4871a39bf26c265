using Cmdb.Discovery.Framework;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class ReconciliationConflictEdgeType : ObjectGraphType<PageItem<ReconciliationConflict>>
{
    public ReconciliationConflictEdgeType()
    {
        Name = "ReconciliationConflictEdge";
        Description = "A conflict in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this conflict.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ReconciliationConflictType>>("node").Description("The conflict.").Resolve(c => c.Source.Node);
    }
}
