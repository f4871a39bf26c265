namespace Cmdb.Domain.Impact;

/// <summary>How many reached CIs are in an environment (null: none set).</summary>
public sealed record EnvironmentCount(string? Environment, int Count);
