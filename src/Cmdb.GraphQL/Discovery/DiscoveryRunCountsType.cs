using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryRunCountsType : ObjectGraphType<DiscoveryRunCounts>
{
    public DiscoveryRunCountsType()
    {
        Name = "DiscoveryRunCounts";
        Description = "What a discovery run did, in numbers.";
        Field<NonNullGraphType<IntGraphType>>("discovered").Description("Items the source reported.").Resolve(c => c.Source.Discovered);
        Field<NonNullGraphType<IntGraphType>>("created").Description("CIs created.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("CIs changed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Items that matched a CI and changed nothing.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("stale").Description("CIs missed by this complete run but not yet retired.").Resolve(c => c.Source.Stale);
        Field<NonNullGraphType<IntGraphType>>("retired").Description("CIs retired (never deleted).").Resolve(c => c.Source.Retired);
        Field<NonNullGraphType<IntGraphType>>("conflicts").Description("Items that matched two or more CIs; nothing was written for them.").Resolve(c => c.Source.Conflicts);
        Field<NonNullGraphType<IntGraphType>>("errors").Description("Problems (failed scopes, load errors).").Resolve(c => c.Source.Errors);
    }
}
