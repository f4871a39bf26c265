namespace Cmdb.Domain.Model;

/// <summary>A class of configuration item, loaded from the model file. Classes form a single-inheritance tree.</summary>
/// <param name="Name">Unique name, PascalCase (e.g. <c>LinuxServer</c>).</param>
/// <param name="Parent">The class this one extends, or null for a root.</param>
/// <param name="Abstract">Abstract classes group others; no CI may be of an abstract class.</param>
/// <param name="RequiredAttributes">Attribute names every CI of this class (including inherited requirements) must carry.</param>
/// <param name="IdentificationRule">Ordered identifier-scheme sets: the first set whose schemes a record fully carries decides its identity.</param>
/// <param name="Description">What the class stands for.</param>
public sealed record CiClass(
    string Name,
    string? Parent,
    bool Abstract,
    IReadOnlyList<string> RequiredAttributes,
    IReadOnlyList<IReadOnlyList<string>> IdentificationRule,
    string Description)
{
    /// <summary>Dense index of the class within its <see cref="ModelCatalog"/>; used by the graph index.</summary>
    public int Index { get; internal set; }
}
