using System.Text.Json.Nodes;

namespace Cmdb.Domain.Items;

/// <summary>A configuration item as stored (current, or as of a past moment).</summary>
/// <param name="Id">Stable opaque id (a ULID).</param>
/// <param name="Class">Name of its class in the model.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="Environment">production, staging, … (free text, lower case by convention).</param>
/// <param name="Criticality">1 (most critical) to 4, or null when unknown.</param>
/// <param name="Owner">Accountable owner.</param>
/// <param name="SupportGroup">Who is called when it breaks.</param>
/// <param name="Tags">Free labels, kept sorted and unique.</param>
/// <param name="Attributes">Free attributes as a JSON object.</param>
/// <param name="Identifiers">Scheme to value (e.g. <c>fqdn</c>); each pair is unique across the store.</param>
/// <param name="MinHealthy">For a redundancy group: how many members it needs to be up; null when not a group.</param>
/// <param name="Provenance">Field or attribute name (attributes as <c>attributes.NAME</c>) to who last set it and when.</param>
/// <param name="Sources">The sources that reported it.</param>
/// <param name="CreatedAt">When it was first stored.</param>
/// <param name="UpdatedAt">When this version was stored.</param>
/// <param name="Version">Increases by one with each change; used for optimistic concurrency.</param>
public sealed record ConfigurationItem(
    string Id,
    string Class,
    string Name,
    CiStatus Status,
    string? Environment,
    int? Criticality,
    string? Owner,
    string? SupportGroup,
    IReadOnlyList<string> Tags,
    JsonObject Attributes,
    IReadOnlyDictionary<string, string> Identifiers,
    int? MinHealthy,
    IReadOnlyDictionary<string, AttributeProvenance> Provenance,
    IReadOnlyList<SourceSighting> Sources,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
