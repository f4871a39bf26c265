using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The fields of <c>updateCi</c>.</summary>
public sealed class CiChangesInputType : InputObjectGraphType<CiChangesInput>
{
    public CiChangesInputType()
    {
        Name = "CiChangesInput";
        Description = "Changes to a CI. Absent fields stay as they are; attributes and identifiers merge key by key (an attribute set to null is removed).";
        CiInputFields.Add(this);
    }
}
