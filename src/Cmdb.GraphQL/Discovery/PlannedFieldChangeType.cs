using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class PlannedFieldChangeType : ObjectGraphType<PlannedFieldChange>
{
    public PlannedFieldChangeType()
    {
        Name = "PlannedFieldChange";
        Description = "One field a run would set, or leave alone because a source of higher precedence owns it.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field, e.g. owner or attributes.os.").Resolve(c => c.Source.Field);
        Field<StringGraphType>("before").Description("The current value, as JSON text.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("The discovered value, as JSON text.").Resolve(c => c.Source.After);
        Field<NonNullGraphType<BooleanGraphType>>("applied").Description("False when precedence keeps the current value.").Resolve(c => c.Source.Applied);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that decided, in words.").Resolve(c => c.Source.Rule);
    }
}
