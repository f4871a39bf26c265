using Cmdb.Domain.Impact;
using Cmdb.GraphQL.DataLoaders;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A needed CI; keeps its result so the path is built only when asked for.</summary>
public sealed record DependencyItemNode(DependencyResult Result, DependencyItem Item, DateTimeOffset? AsOf)
{
    /// <summary>The request's loaders, handed down from the list that made this node (looked up when absent).</summary>
    public PageLoaders? Loaders { get; init; }
}
