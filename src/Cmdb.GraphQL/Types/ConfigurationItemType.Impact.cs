using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

public sealed partial class ConfigurationItemType
{
    private void AddImpactFields(ICmdbStore store)
    {
        Field<NonNullGraphType<ImpactResultType>>("impact")
            .Description("What trouble in this CI reaches, read at the moment the CI was read (see Query.impact).")
            .MaxDepthArgument()
            .RelationshipTypesArgument()
            .EnvironmentsArgument()
            .IncludeRetiredArgument()
            .ResolveAsync(async c => await ImpactQueries.ImpactAsync(store, c, [c.Source.Ci.Id], c.Source.AsOf, c.CancellationToken));
    }
}
