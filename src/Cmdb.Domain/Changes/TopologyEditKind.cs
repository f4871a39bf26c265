namespace Cmdb.Domain.Changes;

/// <summary>What a declared topology edit does to the graph.</summary>
public enum TopologyEditKind
{
    AddCi,
    RetireCi,
    AddRelationship,
    RemoveRelationship,
}
