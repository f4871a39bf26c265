namespace Cmdb.Domain.Changes;

/// <summary>What was observed in the blast radius without being declared.</summary>
public enum UndeclaredChangeKind
{
    CiChanged,
    RelationshipAdded,
    RelationshipRemoved,
}
