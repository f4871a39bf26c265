using Cmdb.Domain.Model;

namespace Cmdb.Testing;

/// <summary>Model catalogs for tests: the shipped model, loaded once, and the shipped model with extra relationship types.</summary>
public static class TestModels
{
    private static readonly Lazy<ModelCatalog> SeedModel = new(() => ModelLoader.Load(RepoPaths.SeedModel));

    /// <summary>The shipped model (<c>seed/model.json</c>).</summary>
    public static ModelCatalog Seed => SeedModel.Value;

    /// <summary>A fresh catalog with the shipped classes and types plus <paramref name="extraTypes"/>.</summary>
    public static ModelCatalog SeedWith(params RelationshipType[] extraTypes)
    {
        var seed = ModelLoader.Load(RepoPaths.SeedModel);
        return new ModelCatalog(seed.Classes, seed.RelationshipTypes.Concat(extraTypes));
    }

    /// <summary>A relationship type between any classes, for tests that need a propagation the shipped model lacks.</summary>
    public static RelationshipType Type(string name, Propagation propagation, bool redundant = false) =>
        new(name, name.ToLowerInvariant(), name.ToLowerInvariant(), [], [], propagation, redundant, AllowSelfLoop: true, $"Test type {name}.");
}
