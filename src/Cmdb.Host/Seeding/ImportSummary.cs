using Cmdb.Domain.Storage;

namespace Cmdb.Host.Seeding;

/// <summary>What a bulk import did, counted separately for CIs and relationships.</summary>
internal sealed record ImportSummary(
    int CisCreated, int CisUpdated, int CisUnchanged,
    int RelationshipsCreated, int RelationshipsUnchanged)
{
    public int Created => CisCreated + RelationshipsCreated;

    public int Updated => CisUpdated;

    public int Unchanged => CisUnchanged + RelationshipsUnchanged;

    /// <summary>Pairs each operation of the batch with its result (the store answers in batch order).</summary>
    public static ImportSummary From(WriteBatch batch, WriteResult result)
    {
        int cisCreated = 0, cisUpdated = 0, cisUnchanged = 0, relsCreated = 0, relsUnchanged = 0;
        foreach (var (operation, outcome) in batch.Operations.Zip(result.Results, (o, r) => (o, r.Outcome)))
        {
            if (operation is UpsertRelationship)
            {
                if (outcome == WriteOutcome.Created) relsCreated++;
                else relsUnchanged++;
            }
            else if (outcome == WriteOutcome.Created) cisCreated++;
            else if (outcome == WriteOutcome.Updated) cisUpdated++;
            else cisUnchanged++;
        }

        return new ImportSummary(cisCreated, cisUpdated, cisUnchanged, relsCreated, relsUnchanged);
    }

    public override string ToString() =>
        $"created {Created}, updated {Updated}, unchanged {Unchanged} " +
        $"(CIs: {CisCreated} created, {CisUpdated} updated, {CisUnchanged} unchanged; " +
        $"relationships: {RelationshipsCreated} created, {RelationshipsUnchanged} unchanged)";
}
