using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>An identifier in a write.</summary>
public sealed class IdentifierInputType : InputObjectGraphType<IdentifierInput>
{
    public IdentifierInputType()
    {
        Name = "IdentifierInput";
        Description = "An identifier: a scheme (lower case, e.g. fqdn) and its value.";
        Field<NonNullGraphType<StringGraphType>>("scheme").Description("The scheme, e.g. fqdn, serial, cmdb.key.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value.");
    }
}
