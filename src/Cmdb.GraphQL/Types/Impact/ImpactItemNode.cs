using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>An affected CI; keeps its result so the path is built only when asked for.</summary>
public sealed record ImpactItemNode(ImpactResult Result, ImpactItem Item, DateTimeOffset? AsOf);
