namespace Cmdb.Domain.Impact;

/// <summary>A CI whose loss alone takes the service down.</summary>
/// <param name="CiId">The CI.</param>
/// <param name="ClassName">Its class.</param>
/// <param name="Depth">Hops between the service and it.</param>
/// <param name="DownCount">How many other CIs its loss takes down (the service included).</param>
public sealed record SinglePointOfFailure(string CiId, string ClassName, int Depth, int DownCount);
