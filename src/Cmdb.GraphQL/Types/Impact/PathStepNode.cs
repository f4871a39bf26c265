using Cmdb.Domain.Impact;
using Cmdb.GraphQL.DataLoaders;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>One relationship of a path, with the moment its CIs and relationship are read at.</summary>
public sealed record PathStepNode(PathStep Step, DateTimeOffset? AsOf)
{
    /// <summary>The request's loaders, handed down from the list that made this node (looked up when absent).</summary>
    public PageLoaders? Loaders { get; init; }
}
