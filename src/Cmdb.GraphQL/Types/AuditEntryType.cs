using Cmdb.Domain.History;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>One audited write.</summary>
public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One audited write: who, when, what, before and after. Written in the same transaction as the write.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("Position in the audit log; increases with every write.").Resolve(c => c.Source.Sequence);
        Field<NonNullGraphType<DateTimeType>>("at").Description("Commit time.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Description("Who wrote, e.g. user:alice or discovery:vcenter.").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("create, update, retire, relate or unrelate.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<StringGraphType>>("entityKind").Description("ci or relationship.").Resolve(c => c.Source.EntityKind);
        Field<NonNullGraphType<IdGraphType>>("entityId").Description("The CI or relationship written.").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeType>>>>("changes").Description("Changed fields, before and after.").Resolve(c => c.Source.Changes);
    }
}
