namespace Cmdb.GraphQL.DataLoaders;

/// <summary>A CI wanted as of a moment (null: now).</summary>
public readonly record struct CiKey(string Id, DateTimeOffset? AsOf);
