using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>Names a CI in a relationship write.</summary>
public sealed class CiRefInputType : InputObjectGraphType<CiRefInput>
{
    public CiRefInputType()
    {
        Name = "CiRefInput";
        Description = "Names a CI: either by id, or by one identifier (scheme and value).";
        Field<IdGraphType>("id").Description("The CI's id.");
        Field<StringGraphType>("scheme").Description("An identifier scheme, with value.");
        Field<StringGraphType>("value").Description("The identifier's value, with scheme.");
    }
}
