using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How many reported CIs are in a state.</summary>
public sealed record StateCount(ImpactState State, int Count);
