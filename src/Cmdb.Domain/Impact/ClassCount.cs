namespace Cmdb.Domain.Impact;

/// <summary>How many reached CIs are of a class.</summary>
public sealed record ClassCount(string ClassName, int Count);
