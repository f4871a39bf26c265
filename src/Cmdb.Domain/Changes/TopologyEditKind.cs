namespace Cmdb.Domain.Changes;

/// <summary>What a declared topology edit does to the graph.</summary>
public enum TopologyEditKind
{
    AddCi,
    RetireCi,
    AddRelationship,
    RemoveRelationship,

    /// <summary>Sets one field or attribute of an existing CI (status, minHealthy, criticality, environment, or an attribute such as version).</summary>
    SetField,
}
