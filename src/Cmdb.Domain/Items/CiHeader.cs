namespace Cmdb.Domain.Items;

/// <summary>What lists of CIs usually show: a CI's id, class and name, without its document.</summary>
/// <param name="Id">Stable opaque id (a ULID).</param>
/// <param name="Class">Name of its class in the model.</param>
/// <param name="Name">Display name.</param>
public sealed record CiHeader(string Id, string Class, string Name);
