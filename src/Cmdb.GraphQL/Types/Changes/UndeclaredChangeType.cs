using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class UndeclaredChangeType : ObjectGraphType<UndeclaredChange>
{
    public UndeclaredChangeType()
    {
        Name = "UndeclaredChange";
        Description = "A change in the blast radius during the window that no declared edit explains (a possibly unauthorised change).";
        Field<NonNullGraphType<UndeclaredChangeKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI changed, or the relationship's source.").Resolve(c => c.Source.CiId);
        Field<StringGraphType>("relationshipType").Resolve(c => c.Source.RelationshipType);
        Field<IdGraphType>("otherCiId").Description("The relationship's target.").Resolve(c => c.Source.OtherCiId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description("For CI_CHANGED: the fields and attributes (attributes.NAME) the audit log shows changed, sorted.")
            .Resolve(c => c.Source.Fields);
        Field<NonNullGraphType<DateTimeType>>("at").Description("When the change was recorded.").Resolve(c => c.Source.At);
    }
}
