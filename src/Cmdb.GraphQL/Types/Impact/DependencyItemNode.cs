using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A needed CI; keeps its result so the path is built only when asked for.</summary>
public sealed record DependencyItemNode(DependencyResult Result, DependencyItem Item, DateTimeOffset? AsOf);
