using Cmdb.Discovery.Contract;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Discovery.Tests.Support;

/// <summary>
/// Checks what a source produced against the shipped model: every class exists and is concrete, every item carries a
/// full identification set of its class, passes the CI field rules and has the class's required attributes, and
/// every relationship joins two items of the scope with endpoints the relationship type allows.
/// </summary>
internal static class ModelConformance
{
    private static readonly Lazy<ModelCatalog> Catalog = new(() => ModelLoader.Load(RepoPaths.ModelFile));

    public static ModelCatalog Model => Catalog.Value;

    public static void AssertConforms(ScopeResult scope)
    {
        var model = Model;
        var byIdentifier = new Dictionary<(string, string), DiscoveredItem>();
        foreach (var item in scope.Items)
        {
            Assert.True(model.TryGetClass(item.Class, out var ciClass), $"{item.Name}: unknown class {item.Class}");
            Assert.False(ciClass.Abstract, $"{item.Name}: class {item.Class} is abstract");
            var rule = model.IdentificationRule(ciClass);
            Assert.True(
                rule.Any(set => set.Count > 0 && set.All(item.Identifiers.ContainsKey)),
                $"{item.Class} '{item.Name}' carries [{string.Join(", ", item.Identifiers.Keys)}], no full set of its rule " +
                $"[{string.Join(" | ", rule.Select(s => string.Join("+", s)))}]");
            CiRules.Validate(item.ToFields(), item.Name);
            foreach (var required in model.RequiredAttributes(ciClass))
                Assert.True(item.Attributes?.ContainsKey(required) == true, $"{item.Class} '{item.Name}' lacks required attribute {required}");
            foreach (var (scheme, value) in item.Identifiers)
                Assert.True(byIdentifier.TryAdd((scheme, value), item), $"two items carry {scheme}={value}");
        }

        foreach (var r in scope.Relationships)
        {
            var type = model.GetRelationshipType(r.Type);
            Assert.True(byIdentifier.TryGetValue((r.Source.Scheme, r.Source.Value), out var source), $"{r.Type} source {r.Source} is not an item of the scope");
            Assert.True(byIdentifier.TryGetValue((r.Target.Scheme, r.Target.Value), out var target), $"{r.Type} target {r.Target} is not an item of the scope");
            model.EnsureAllowed(type, model.GetClass(source!.Class), model.GetClass(target!.Class), ReferenceEquals(source, target), $"{source.Name} -{r.Type}-> {target.Name}");
        }

        var batch = DiscoveryBatch.Of(scope).ToWriteBatch();
        Assert.Equal(scope.Items.Count + scope.Relationships.Count, batch.Operations.Count);
    }
}
