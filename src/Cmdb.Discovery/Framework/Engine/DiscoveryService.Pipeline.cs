using System.Threading.Channels;
using Cmdb.Discovery.Contract;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Plans the run's items and writes its creates and updates, the two overlapped: a pool thread identifies the items
    /// and reads and compares the next chunk of matched ones while the store writes the batch before it. The writes
    /// keep plan order (a batch holds only plans already decided, in order), so what is written, in which order and in
    /// which batches is what a plan-everything-first run writes; only a comparison may now see an earlier batch of this
    /// run already written (an item matching the same CI as an earlier item is compared with that item's result).
    /// </summary>
    private async Task<(List<ItemPlan> Plans, int Created, int Updated)> PlanAndWriteAsync(
        string source, DiscoveryBatch batch, SourceState state, IReadOnlyDictionary<(string Scheme, string Value), string> holders,
        long[] fingerprints, DateTimeOffset now, Actor actor, List<string> errors, CancellationToken cancellationToken)
    {
        var decided = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Sized exactly, so the planning thread's appends never move the array the writer reads decided plans from.
        var plans = new List<ItemPlan>(fingerprints.Length);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var planning = Task.Run(async () =>
        {
            try
            {
                await PlanItemsAsync(source, batch, state, holders, fingerprints, now, explain: false, plans, upTo => decided.Writer.TryWrite(upTo), stop.Token);
                decided.Writer.TryComplete();
            }
            catch (Exception e)
            {
                // The writer sees the failure once it has written what was decided before it.
                decided.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        var batchSize = _options.BatchSize;
        var ops = new List<WriteOperation>(batchSize);
        var byOp = new Dictionary<WriteOperation, ItemPlan>(ReferenceEqualityComparer.Instance);
        var counts = new int[2];
        var frontier = 0;
        try
        {
            await foreach (var upTo in decided.Reader.ReadAllAsync(cancellationToken))
            {
                for (; frontier < upTo; frontier++)
                {
                    var plan = plans[frontier];
                    if (plan.Action is not (ItemAction.Create or ItemAction.Update)) continue;
                    var op = new UpsertCi(plan.Action == ItemAction.Create ? null : plan.CiId, plan.Item.Class, plan.Fields!) { Path = plan.Path };
                    ops.Add(op);
                    byOp[op] = plan;
                }

                while (ops.Count >= batchSize)
                {
                    await WriteChunkAsync(ops.GetRange(0, batchSize), byOp, actor, errors, counts, cancellationToken);
                    ops.RemoveRange(0, batchSize);
                }
            }

            if (ops.Count > 0) await WriteChunkAsync(ops, byOp, actor, errors, counts, cancellationToken);
        }
        finally
        {
            // A failed write stops the planning; the planning's own failure reached the reader above. Never leave it running.
            await stop.CancelAsync();
            await planning;
        }

        return (plans, counts[0], counts[1]);
    }

    /// <summary>One store batch of creates and updates; a refused write marks its plan failed (its message is in errors).</summary>
    private async Task WriteChunkAsync(
        List<WriteOperation> chunk, Dictionary<WriteOperation, ItemPlan> byOp, Actor actor, List<string> errors, int[] counts,
        CancellationToken cancellationToken)
    {
        var failed = await ApplyAsync(chunk, actor, errors, (op, result) =>
        {
            var plan = byOp[op];
            plan.CiId = result.EntityId;
            if (result.Outcome == WriteOutcome.Created) counts[0]++;
            else if (result.Outcome == WriteOutcome.Unchanged) plan.Action = ItemAction.Unchanged;
            else counts[1]++;
        }, cancellationToken);
        foreach (var op in failed)
        {
            byOp[op].Action = ItemAction.Error;
            byOp[op].Error = null; // the store's message is already in errors
        }
    }
}
