namespace Cmdb.Testing.Synthetic;

/// <summary>One generated CI as the import format and the store see it.</summary>
/// <param name="Index">Position in the estate (dense, 0-based).</param>
/// <param name="Id">A deterministic ULID, for loading a graph index directly.</param>
/// <param name="Kind">Its role in the estate.</param>
/// <param name="Class">The model class.</param>
/// <param name="Name">Display name, unique in the estate.</param>
/// <param name="Scheme">The identifier scheme that names it in import documents.</param>
/// <param name="Value">The identifier value.</param>
/// <param name="Fqdn">A second identifier for computers, or null.</param>
/// <param name="Environment">production, staging or null.</param>
/// <param name="Criticality">Tier 1–4 for services and applications, else null.</param>
/// <param name="MinHealthy">For redundancy groups and controllers: members needed to stay up, else null.</param>
/// <param name="Engine">The <c>engine</c> attribute databases require, else null.</param>
public readonly record struct SyntheticCi(
    int Index,
    string Id,
    SyntheticKind Kind,
    string Class,
    string Name,
    string Scheme,
    string Value,
    string? Fqdn,
    string? Environment,
    int? Criticality,
    int? MinHealthy,
    string? Engine);
