using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Model;

/// <summary>
/// The classes and relationship types in force. Built once from the model files (see <see cref="ModelLoader"/>);
/// immutable and safe to share. Class and type indexes are dense, so the graph index can store them compactly.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, CiClass> _classes;
    private readonly Dictionary<string, RelationshipType> _types;
    private readonly bool[][] _isA; // _isA[class][ancestor]
    private readonly IReadOnlyList<string>[] _required;
    private readonly IReadOnlyList<IReadOnlyList<string>>[] _identification;

    public ModelCatalog(IEnumerable<CiClass> classes, IEnumerable<RelationshipType> types)
    {
        Classes = classes.ToArray();
        RelationshipTypes = types.ToArray();
        _classes = new Dictionary<string, CiClass>(StringComparer.Ordinal);
        for (var i = 0; i < Classes.Count; i++)
        {
            var c = Classes[i];
            if (!_classes.TryAdd(c.Name, c)) throw CmdbException.Model($"Class '{c.Name}' is declared twice.");
            c.Index = i;
        }

        _types = new Dictionary<string, RelationshipType>(StringComparer.Ordinal);
        for (var i = 0; i < RelationshipTypes.Count; i++)
        {
            var t = RelationshipTypes[i];
            if (!_types.TryAdd(t.Name, t)) throw CmdbException.Model($"Relationship type '{t.Name}' is declared twice.");
            t.Index = i;
        }

        _isA = new bool[Classes.Count][];
        _required = new IReadOnlyList<string>[Classes.Count];
        _identification = new IReadOnlyList<IReadOnlyList<string>>[Classes.Count];
        foreach (var c in Classes) ResolveAncestry(c);
        foreach (var t in RelationshipTypes)
        {
            foreach (var name in t.SourceClasses.Concat(t.TargetClasses))
            {
                if (!_classes.ContainsKey(name))
                    throw CmdbException.Model($"Relationship type '{t.Name}' names unknown class '{name}'.");
            }
        }
    }

    public IReadOnlyList<CiClass> Classes { get; }

    public IReadOnlyList<RelationshipType> RelationshipTypes { get; }

    public bool TryGetClass(string name, out CiClass ciClass) => _classes.TryGetValue(name, out ciClass!);

    public bool TryGetRelationshipType(string name, out RelationshipType type) => _types.TryGetValue(name, out type!);

    /// <summary>The class named, or a <see cref="ErrorCode.ModelViolation"/> error naming it.</summary>
    public CiClass GetClass(string name, string? path = null) =>
        _classes.TryGetValue(name, out var c) ? c : throw CmdbException.Model($"Unknown class '{name}'.", path);

    /// <summary>The relationship type named, or a <see cref="ErrorCode.ModelViolation"/> error naming it.</summary>
    public RelationshipType GetRelationshipType(string name, string? path = null) =>
        _types.TryGetValue(name, out var t) ? t : throw CmdbException.Model($"Unknown relationship type '{name}'.", path);

    /// <summary>True when <paramref name="classIndex"/> is <paramref name="ancestorIndex"/> or extends it.</summary>
    public bool IsA(int classIndex, int ancestorIndex) => _isA[classIndex][ancestorIndex];

    public bool IsA(string className, string ancestorName) =>
        TryGetClass(className, out var c) && TryGetClass(ancestorName, out var a) && IsA(c.Index, a.Index);

    /// <summary>The class and all classes that extend it.</summary>
    public IReadOnlyList<CiClass> WithSubclasses(CiClass ancestor) =>
        Classes.Where(c => IsA(c.Index, ancestor.Index)).ToArray();

    /// <summary>Required attributes of the class, inherited ones included.</summary>
    public IReadOnlyList<string> RequiredAttributes(CiClass ciClass) => _required[ciClass.Index];

    /// <summary>The identification rule of the class: its own, or its nearest ancestor's.</summary>
    public IReadOnlyList<IReadOnlyList<string>> IdentificationRule(CiClass ciClass) => _identification[ciClass.Index];

    /// <summary>Refuses a relationship that the model does not allow between these classes.</summary>
    public void EnsureAllowed(RelationshipType type, CiClass source, CiClass target, bool selfLoop, string? path = null)
    {
        if (selfLoop && !type.AllowSelfLoop)
            throw CmdbException.Model($"A CI cannot have a '{type.Name}' relationship to itself.", path);
        if (!Admits(type.SourceClasses, source))
            throw CmdbException.Model(
                $"'{type.Name}' cannot start at a {source.Name}; allowed: {string.Join(", ", type.SourceClasses)}.", path);
        if (!Admits(type.TargetClasses, target))
            throw CmdbException.Model(
                $"'{type.Name}' cannot end at a {target.Name}; allowed: {string.Join(", ", type.TargetClasses)}.", path);
    }

    private bool Admits(IReadOnlyList<string> allowed, CiClass candidate)
    {
        if (allowed.Count == 0) return true;
        foreach (var name in allowed)
        {
            if (IsA(candidate.Index, _classes[name].Index)) return true;
        }

        return false;
    }

    private void ResolveAncestry(CiClass c)
    {
        var isA = new bool[Classes.Count];
        var required = new List<string>();
        IReadOnlyList<IReadOnlyList<string>>? rule = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = c; current is not null;)
        {
            if (!seen.Add(current.Name)) throw CmdbException.Model($"Class '{c.Name}' inherits from itself.");
            isA[current.Index] = true;
            foreach (var a in current.RequiredAttributes)
            {
                if (!required.Contains(a, StringComparer.Ordinal)) required.Add(a);
            }

            if (rule is null && current.IdentificationRule.Count > 0) rule = current.IdentificationRule;
            if (current.Parent is null) break;
            current = _classes.TryGetValue(current.Parent, out var parent)
                ? parent
                : throw CmdbException.Model($"Class '{current.Name}' extends unknown class '{current.Parent}'.");
        }

        _isA[c.Index] = isA;
        _required[c.Index] = required;
        _identification[c.Index] = rule ?? [];
    }
}
