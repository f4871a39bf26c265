using Cmdb.Domain.Import;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Testing;

namespace Cmdb.Domain.Tests;

/// <summary>The shipped model and the demo estate read through the import reader, with references resolved.</summary>
public sealed class DemoEstate
{
    public DemoEstate()
    {
        Model = ModelLoader.Load(RepoPaths.SeedModel);
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Root, "seed", "demo-estate.json"));
        var batch = ImportDocumentReader.Read(stream);
        Cis = batch.Operations.OfType<UpsertCi>().ToArray();
        Relationships = batch.Operations.OfType<UpsertRelationship>().ToArray();
        var byIdentifier = new Dictionary<(string, string), UpsertCi>();
        foreach (var ci in Cis)
        {
            foreach (var (scheme, value) in ci.Fields.Identifiers!) byIdentifier.Add((scheme, value), ci);
        }

        ByIdentifier = byIdentifier;
    }

    public ModelCatalog Model { get; }

    public IReadOnlyList<UpsertCi> Cis { get; }

    public IReadOnlyList<UpsertRelationship> Relationships { get; }

    public IReadOnlyDictionary<(string Scheme, string Value), UpsertCi> ByIdentifier { get; }

    /// <summary>The document's CI a reference names, or null when it names none.</summary>
    public UpsertCi? Resolve(CiRef reference) =>
        reference.Scheme is not null && ByIdentifier.TryGetValue((reference.Scheme, reference.Value!), out var ci) ? ci : null;
}
