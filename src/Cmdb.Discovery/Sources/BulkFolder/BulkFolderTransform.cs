using System.Text;
using Cmdb.Discovery.Contract;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Import;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Sources.BulkFolder;

/// <summary>Pure transform of one bulk file: a JSON import document or a CSV table of CIs.</summary>
public static partial class BulkFolderTransform
{
    public static ScopeResult Transform(BulkFile raw) => raw.IsCsv ? TransformCsv(raw) : TransformJson(raw);

    private static ScopeResult TransformJson(BulkFile raw)
    {
        WriteBatch batch;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.Text));
            batch = ImportDocumentReader.Read(stream);
        }
        catch (CmdbException e)
        {
            throw new DiscoveryFormatException(raw.Input, e.Path is null ? e.Message : $"{e.Path}: {e.Message}", e);
        }

        var items = new List<DiscoveredItem>();
        var relationships = new List<DiscoveredRelationship>();
        foreach (var op in batch.Operations)
        {
            switch (op)
            {
                case UpsertCi ci:
                    if (ci.Id is not null) throw IdNotAllowed(raw, ci.Path);
                    var f = ci.Fields;
                    items.Add(new DiscoveredItem(ci.Class, f.Name!, f.Identifiers!, f.Attributes)
                    {
                        Status = f.Status,
                        Environment = f.Environment,
                        Criticality = f.Criticality,
                        Owner = f.Owner,
                        SupportGroup = f.SupportGroup,
                        Tags = f.Tags,
                        MinHealthy = f.MinHealthy,
                    });
                    break;
                case UpsertRelationship r:
                    relationships.Add(new DiscoveredRelationship(r.Type, Ref(r.Source, raw, r.Path), Ref(r.Target, raw, r.Path), r.Attributes));
                    break;
            }
        }

        return ScopeResult.Completed(raw.Scope, items, relationships);
    }

    private static DiscoveredRef Ref(CiRef reference, BulkFile raw, string? path) =>
        reference.Id is null ? new DiscoveredRef(reference.Scheme!, reference.Value!) : throw IdNotAllowed(raw, path);

    private static DiscoveryFormatException IdNotAllowed(BulkFile raw, string? path) => new(
        raw.Input,
        $"{path} names a CI by its id; files in the bulk folder must name CIs by identifiers (ids are store-specific and belong to the import API).");
}
