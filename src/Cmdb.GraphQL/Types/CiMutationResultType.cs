using Cmdb.GraphQL.Mutations;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>The result of a CI write.</summary>
public sealed class CiMutationResultType : ObjectGraphType<CiMutationResult>
{
    public CiMutationResultType()
    {
        Name = "CiMutationResult";
        Description = "A CI after a write, and what the write did.";
        Field<NonNullGraphType<ConfigurationItemType>>("ci").Description("The CI as stored now.").Resolve(c => c.Source.Ci);
        Field<NonNullGraphType<WriteOutcomeType>>("outcome").Description("What the write did.").Resolve(c => c.Source.Outcome);
    }
}
