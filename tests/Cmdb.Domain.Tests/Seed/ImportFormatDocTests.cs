using System.Text;
using Cmdb.Domain.Import;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Testing;

namespace Cmdb.Domain.Tests;

/// <summary>The example in <c>docs/import-format.md</c> is read and model-checked, so it cannot go stale.</summary>
public sealed class ImportFormatDocTests
{
    [Fact]
    public void DocExample_IsAValidImportAllowedByTheShippedModel()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "import-format.md"));
        var start = doc.IndexOf("```json", doc.IndexOf("## Example", StringComparison.Ordinal), StringComparison.Ordinal) + "```json".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var model = ModelLoader.Load(RepoPaths.SeedModel);

        var batch = ImportDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var cis = batch.Operations.OfType<UpsertCi>().ToArray();
        Assert.NotEmpty(cis);
        foreach (var r in batch.Operations.OfType<UpsertRelationship>())
        {
            var source = cis.Single(c => c.Fields.Identifiers!.GetValueOrDefault(r.Source.Scheme!) == r.Source.Value);
            var target = cis.Single(c => c.Fields.Identifiers!.GetValueOrDefault(r.Target.Scheme!) == r.Target.Value);
            model.EnsureAllowed(model.GetRelationshipType(r.Type), model.GetClass(source.Class), model.GetClass(target.Class), false, r.Path);
        }
    }
}
