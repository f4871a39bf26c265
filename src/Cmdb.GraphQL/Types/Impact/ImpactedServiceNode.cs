using Cmdb.Domain.Impact;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A business service the trouble reaches, with the moment it is read at.</summary>
public sealed record ImpactedServiceNode(ImpactedService Service, DateTimeOffset? AsOf)
{
    /// <summary>The request's loaders, handed down from the list that made this node (looked up when absent).</summary>
    public PageLoaders? Loaders { get; init; }

    /// <summary>The service's CI when it was read ahead with the whole list (only for a selection of id, class and name).</summary>
    public CiNode? Ci { get; init; }
}
