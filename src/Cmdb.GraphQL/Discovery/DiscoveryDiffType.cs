using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryDiffType : ObjectGraphType<DiscoveryDiff>
{
    public DiscoveryDiffType()
    {
        Name = "DiscoveryDiff";
        Description = "What a run of a source would change now, and why: nothing is written.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source's name.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscoveryScopeOutcomeType>>>>("scopes").Description("Each scope and whether it completed.").Resolve(c => c.Source.Scopes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedCreateType>>>>("creates").Description("CIs it would create.").Resolve(c => c.Source.Creates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedUpdateType>>>>("updates")
            .Description("CIs it would change, field by field, with the precedence rule that decided each.").Resolve(c => c.Source.Updates);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Discovered items that match a CI and would change nothing.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlannedRetirementType>>>>("retirements").Description("CIs it would mark stale or retire.").Resolve(c => c.Source.Retirements);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReconciliationConflictType>>>>("conflicts").Description("Items that would be recorded as conflicts.").Resolve(c => c.Source.Conflicts);
        Field<NonNullGraphType<BooleanGraphType>>("wouldHold").Description("True when its retirements exceed the safety threshold and would wait for approval.").Resolve(c => c.Source.WouldHold);
    }
}
