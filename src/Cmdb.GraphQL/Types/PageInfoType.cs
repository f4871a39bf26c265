using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>Relay page information.</summary>
public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where a page ends and whether more follows. Pass endCursor as `after` to read the next page.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("True when more items follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("The cursor of the last item of the page; null for an empty page.").Resolve(c => c.Source.EndCursor);
    }
}
