using Cmdb.Domain.Items;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.DataLoader;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// The request's loaders, looked up once for a whole list (a page of impact items, the business services) and handed
/// down to its nodes: a scoped-service lookup per CI field was a tenth of an impact page's server time.
/// </summary>
public sealed class PageLoaders(CiLoader cis, CiHeaderLoader headers, RelationshipLoader relationships)
{
    public CiLoader Cis { get; } = cis;

    public CiHeaderLoader Headers { get; } = headers;

    public RelationshipLoader Relationships { get; } = relationships;

    /// <summary>The request's loaders: one scoped-service lookup for all three.</summary>
    public static PageLoaders Of(IResolveFieldContext context) => context.Service<PageLoaders>();

    /// <summary>
    /// The CI as of <paramref name="asOf"/>, batched with every other CI wanted on the same level; a selection of only
    /// id, class and name is served by the lean <see cref="CiHeaderLoader"/>.
    /// </summary>
    public IDataLoaderResult<CiNode?> Ci(IResolveFieldContext context, string ciId, DateTimeOffset? asOf)
    {
        var loader = CiSelection.IsHeaderOnly(context) ? (BatchLoader<CiKey, ConfigurationItem>)Headers : Cis;
        return loader.Load(new CiKey(ciId, asOf)).Then(ci => ci is null ? null : new CiNode(ci, asOf));
    }
}
