using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A business service the trouble reaches, with the moment it is read at.</summary>
public sealed record ImpactedServiceNode(ImpactedService Service, DateTimeOffset? AsOf);
