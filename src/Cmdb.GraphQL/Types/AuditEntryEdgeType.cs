using Cmdb.Domain.History;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>An edge of <see cref="AuditEntryConnectionType"/>.</summary>
public sealed class AuditEntryEdgeType : ObjectGraphType<PageItem<AuditEntry>>
{
    public AuditEntryEdgeType()
    {
        Name = "AuditEntryEdge";
        Description = "An audit entry in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this entry.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<AuditEntryType>>("node").Description("The audit entry.").Resolve(c => c.Source.Node);
    }
}
