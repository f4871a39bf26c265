using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A dependency result and the moment its CIs are read at (null: now).</summary>
public sealed record DependencyResultNode(DependencyResult Result, DateTimeOffset? AsOf);
