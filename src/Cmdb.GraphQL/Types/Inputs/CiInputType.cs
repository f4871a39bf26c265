using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The input of <c>upsertCi</c>.</summary>
public sealed class CiInputType : InputObjectGraphType<CiInput>
{
    public CiInputType()
    {
        Name = "CiInput";
        Description = "A CI to create or update. With id it updates that CI; otherwise it is matched by its class's identification rule over identifiers, and created when nothing matches.";
        Field<IdGraphType>("id").Description("The CI to update; omit to match by identifiers.");
        Field<NonNullGraphType<StringGraphType>>("class").Description("Its class in the model (not abstract).");
        CiInputFields.Add(this);
    }
}
