using Cmdb.Discovery.Framework;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryRunType : ObjectGraphType<DiscoveryRun>
{
    public DiscoveryRunType()
    {
        Name = "DiscoveryRun";
        Description = "The record of one run of one discovery source. Its id is the run id its writes are audited under.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The run id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source's name.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("The source's kind.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DiscoveryTriggerType>>("trigger").Description("What started it.").Resolve(c => c.Source.Trigger);
        Field<NonNullGraphType<DiscoveryRunStatusType>>("status").Description("How it ended, or RUNNING.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeType>>("startedAt").Description("When it started.").Resolve(c => c.Source.StartedAt);
        Field<DateTimeType>("endedAt").Description("When it ended; null while running.").Resolve(c => c.Source.EndedAt);
        Field<NonNullGraphType<DiscoveryRunCountsType>>("counts").Description("What it did.").Resolve(c => c.Source.Counts);
        Field<StringGraphType>("error").Description("Why it failed or was partial, one line per problem; null when it succeeded.").Resolve(c => c.Source.Error);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscoveryScopeOutcomeType>>>>("scopes").Description("Each scope it covered.").Resolve(c => c.Source.Scopes);
        Field<HoldStateType>("hold").Description("Null unless its retirements were held for approval (too many at once).").Resolve(c => c.Source.Hold);
        Field<NonNullGraphType<IntGraphType>>("heldRetirements").Description("How many retirements are, or were, held.").Resolve(c => c.Source.HeldRetirements);
    }
}
