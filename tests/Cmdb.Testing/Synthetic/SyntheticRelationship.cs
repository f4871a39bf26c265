namespace Cmdb.Testing.Synthetic;

/// <summary>One generated relationship between two CIs of the estate (by index).</summary>
public readonly record struct SyntheticRelationship(SyntheticRelationshipType Type, int Source, int Target)
{
    public string TypeName => SyntheticRelationshipTypes.Name(Type);
}
