using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryScopeOutcomeType : ObjectGraphType<DiscoveryScopeOutcome>
{
    public DiscoveryScopeOutcomeType()
    {
        Name = "DiscoveryScopeOutcome";
        Description = "One scope of a run (an account, a cluster, a file) and whether it completed; only a complete scope can retire anything.";
        Field<NonNullGraphType<StringGraphType>>("scope").Description("The scope's name.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<BooleanGraphType>>("complete").Description("True when the source read all of it.").Resolve(c => c.Source.Complete);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errors").Description("Why it did not complete.").Resolve(c => c.Source.Errors);
    }
}
