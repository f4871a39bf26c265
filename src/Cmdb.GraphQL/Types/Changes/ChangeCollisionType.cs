using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeCollisionType : ObjectGraphType<ChangeCollisionNode>
{
    public ChangeCollisionType(ICmdbStore store)
    {
        Name = "ChangeCollision";
        Description = "A change whose window overlaps and whose blast radius shares CIs (the same CI, or one both reach through shared dependencies).";
        Field<NonNullGraphType<ChangeRecordType>>("change").Description("The colliding change.").Resolve(c => c.Source.Change);
        Field<ChangeRecordType>("with").Description("In changeCollisions: the other change of the pair; null in an assessment.").Resolve(c => c.Source.Other);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sharedCiIds").Description("The shared CIs (at most 20).").Resolve(c => c.Source.SharedCiIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConfigurationItemType>>>>("sharedCis")
            .Description("The shared CIs, current state (at most 20).")
            .ResolveAsync(async c => await ChangeCis.ReadAsync(store, c.Source.SharedCiIds, c.CancellationToken));
    }
}
