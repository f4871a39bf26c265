using Cmdb.Domain.History;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>One changed field.</summary>
public sealed class FieldChangeType : ObjectGraphType<FieldChange>
{
    public FieldChangeType()
    {
        Name = "FieldChange";
        Description = "One changed field. Attributes are named attributes.NAME and identifiers identifiers.SCHEME.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field's name.").Resolve(c => c.Source.Field);
        Field<JsonGraphType>("before").Description("The value before; null when it was not set.").Resolve(c => c.Source.Before);
        Field<JsonGraphType>("after").Description("The value after; null when it was removed.").Resolve(c => c.Source.After);
    }
}
