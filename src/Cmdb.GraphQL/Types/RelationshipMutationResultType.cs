using Cmdb.GraphQL.Mutations;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>The result of a relationship write.</summary>
public sealed class RelationshipMutationResultType : ObjectGraphType<RelationshipMutationResult>
{
    public RelationshipMutationResultType()
    {
        Name = "RelationshipMutationResult";
        Description = "A relationship after a write, and what the write did.";
        Field<NonNullGraphType<RelationshipGraphType>>("relationship").Description("The relationship as stored now.").Resolve(c => c.Source.Relationship);
        Field<NonNullGraphType<WriteOutcomeType>>("outcome").Description("What the write did.").Resolve(c => c.Source.Outcome);
    }
}
