using Cmdb.Domain.Model;

namespace Cmdb.Testing.Synthetic;

/// <summary>Names and propagation of <see cref="SyntheticRelationshipType"/>.</summary>
public static class SyntheticRelationshipTypes
{
    private static readonly (string Name, Propagation Propagation)[] Table =
    [
        (WellKnown.RelationshipTypes.DependsOn, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.RunsOn, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.HostedOn, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.MemberOf, Propagation.SourceToTarget),
        (WellKnown.RelationshipTypes.RoutesTo, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.Owns, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.ConnectsTo, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.UsesStorage, Propagation.TargetToSource),
        (WellKnown.RelationshipTypes.Contains, Propagation.None),
        (WellKnown.RelationshipTypes.InstanceOf, Propagation.None),
        (WellKnown.RelationshipTypes.LocatedIn, Propagation.None),
    ];

    public static int Count => Table.Length;

    public static string Name(SyntheticRelationshipType type) => Table[(int)type].Name;

    public static Propagation PropagationOf(SyntheticRelationshipType type) => Table[(int)type].Propagation;
}
