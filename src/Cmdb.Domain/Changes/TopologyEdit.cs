namespace Cmdb.Domain.Changes;

/// <summary>
/// One edit a change declares it will make to the topology. <see cref="TopologyEditKind.AddCi"/> uses
/// <see cref="CiId"/>, <see cref="ClassName"/> and optionally <see cref="Environment"/>/<see cref="Criticality"/>;
/// <see cref="TopologyEditKind.RetireCi"/> uses <see cref="CiId"/>; relationship edits use
/// <see cref="RelationshipType"/>, <see cref="SourceId"/> and <see cref="TargetId"/>; <see cref="TopologyEditKind.SetField"/>
/// uses <see cref="CiId"/>, <see cref="Field"/> and <see cref="Value"/> (null removes an attribute). See <see cref="FieldEdits"/>.
/// </summary>
public sealed record TopologyEdit(
    TopologyEditKind Kind,
    string? CiId = null,
    string? ClassName = null,
    string? Environment = null,
    int? Criticality = null,
    string? RelationshipType = null,
    string? SourceId = null,
    string? TargetId = null,
    string? Field = null,
    string? Value = null);
