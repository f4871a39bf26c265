using Cmdb.Discovery.Framework;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class PlannedCreateType : ObjectGraphType<PlannedCreate>
{
    public PlannedCreateType()
    {
        Name = "PlannedCreate";
        Description = "A CI a discovery run would create.";
        Field<NonNullGraphType<StringGraphType>>("scope").Description("The scope it was found in.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("class").Description("Its class.").Resolve(c => c.Source.Class);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdentifierType>>>>("identifiers").Description("Its identifiers.")
            .Resolve(c => c.Source.Identifiers.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
