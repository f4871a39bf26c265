namespace Cmdb.Domain.Model;

/// <summary>A typed relationship between two CIs, loaded from the model file.</summary>
/// <param name="Name">Unique name, UPPER_SNAKE (e.g. <c>DEPENDS_ON</c>).</param>
/// <param name="Forward">Wording from the source (<c>depends on</c>).</param>
/// <param name="Reverse">Wording from the target (<c>used by</c>).</param>
/// <param name="SourceClasses">Classes (with their subclasses) allowed at the source; empty means any.</param>
/// <param name="TargetClasses">Classes (with their subclasses) allowed at the target; empty means any.</param>
/// <param name="Propagation">How trouble travels along it.</param>
/// <param name="Redundant">
/// True when several relationships of this type into one CI are interchangeable alternatives
/// (pool members, replicas): a CI with <c>minHealthy</c> stays up while enough of them are healthy.
/// </param>
/// <param name="AllowSelfLoop">Whether a CI may have this relationship to itself.</param>
/// <param name="Description">What the relationship means.</param>
public sealed record RelationshipType(
    string Name,
    string Forward,
    string Reverse,
    IReadOnlyList<string> SourceClasses,
    IReadOnlyList<string> TargetClasses,
    Propagation Propagation,
    bool Redundant,
    bool AllowSelfLoop,
    string Description)
{
    /// <summary>Dense index of the type within its <see cref="ModelCatalog"/>; used by the graph index.</summary>
    public int Index { get; internal set; }
}
