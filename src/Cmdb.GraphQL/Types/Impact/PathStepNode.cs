using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>One relationship of a path, with the moment its CIs and relationship are read at.</summary>
public sealed record PathStepNode(PathStep Step, DateTimeOffset? AsOf);
