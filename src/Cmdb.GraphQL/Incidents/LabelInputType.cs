using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class LabelInputType : InputObjectGraphType<LabelInput>
{
    public LabelInputType()
    {
        Name = "LabelInput";
        Description = "A name and value, e.g. instance = web-01.acme.internal:9100.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The label name (1 to 128 characters), unique within the list.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value.");
    }
}
