using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A single point of failure, its place in the ranking (1 = worst) and the moment it is read at.</summary>
public sealed record SinglePointOfFailureNode(SinglePointOfFailure Item, int Rank, DateTimeOffset? AsOf);
