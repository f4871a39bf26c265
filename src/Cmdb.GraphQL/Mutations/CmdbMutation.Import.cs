using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Import;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddImportFields()
    {
        Field<ImportResultType>("importGraph")
            .Description("Imports CIs and relationships in the bulk import format (docs/import-format.md) as one atomic batch: on any error nothing is written.")
            .Argument<NonNullGraphType<JsonGraphType>>("document", "The import document: { cis: [...], relationships: [...] }.")
            .ResolveAsync(async c =>
            {
                var document = c.GetArgument<JsonNode?>("document") ?? throw CmdbException.Invalid("document must be a JSON object.", "document");
                var batch = ImportDocumentReader.Read(JsonSerializer.SerializeToElement(document));
                var result = await ApplyAsync(c, batch);
                return Summarise(batch, result);
            });
    }

    private static ImportResult Summarise(WriteBatch batch, WriteResult result)
    {
        int created = 0, updated = 0, unchanged = 0, relCreated = 0, relUnchanged = 0;
        for (var i = 0; i < result.Results.Count; i++)
        {
            var outcome = result.Results[i].Outcome;
            if (batch.Operations[i] is UpsertRelationship)
            {
                if (outcome == WriteOutcome.Created) relCreated++;
                else relUnchanged++;
            }
            else if (outcome == WriteOutcome.Created) created++;
            else if (outcome == WriteOutcome.Unchanged) unchanged++;
            else updated++;
        }

        return new ImportResult(created, updated, unchanged, relCreated, relUnchanged, result.CommittedAt);
    }
}
