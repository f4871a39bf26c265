using Cmdb.Discovery.Framework;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryRunEdgeType : ObjectGraphType<PageItem<DiscoveryRun>>
{
    public DiscoveryRunEdgeType()
    {
        Name = "DiscoveryRunEdge";
        Description = "A run in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this run.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<DiscoveryRunType>>("node").Description("The run.").Resolve(c => c.Source.Node);
    }
}
