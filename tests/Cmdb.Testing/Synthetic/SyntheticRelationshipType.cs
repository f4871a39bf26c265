namespace Cmdb.Testing.Synthetic;

/// <summary>The relationship types the generator emits, with the propagation seed/model.json gives them (a test checks it).</summary>
public enum SyntheticRelationshipType : byte
{
    DependsOn,
    RunsOn,
    HostedOn,
    MemberOf,
    RoutesTo,
    Owns,
    ConnectsTo,
    UsesStorage,
    Contains,
    InstanceOf,
    LocatedIn,
}
