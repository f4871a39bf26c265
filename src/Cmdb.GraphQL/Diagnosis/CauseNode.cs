using Cmdb.Domain.Diagnosis;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>A ranked cause with the moment its CI is shown as of (the incident start).</summary>
public sealed record CauseNode(ProbableCause Cause, DateTimeOffset AsOf);
