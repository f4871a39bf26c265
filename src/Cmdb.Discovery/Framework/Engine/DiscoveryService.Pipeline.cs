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
    /// This thread first resolves the batch's identifiers, a chunk at a time, while the planning thread identifies the
    /// items already answered (at 1M CIs the two take about as long each); the first write waits for the last answer,
    /// so identification never sees the run's own writes.
    /// </summary>
    private async Task<(List<ItemPlan> Plans, int Created, int Updated)> PlanAndWriteAsync(
        string source, DiscoveryBatch batch, SourceState state, ResolvedIdentifiers holders,
        DateTimeOffset now, Actor actor, List<string> errors, CancellationToken cancellationToken)
    {
        var decided = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Sized exactly, so the planning thread's appends never move the array the writer reads decided plans from.
        var plans = new List<ItemPlan>(ItemCount(batch));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var reads = new ReadGate(2 * _options.BatchSize);
        var planning = Task.Run(async () =>
        {
            try
            {
                await PlanItemsAsync(source, batch, state, holders, now, explain: false, plans, upTo => decided.Writer.TryWrite(upTo), reads, stop.Token);
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
        var writer = new ChunkWriter(this, source, now, actor, errors);
        var updated = new HashSet<string>(StringComparer.Ordinal);
        var frontier = 0;
        try
        {
            await holders.ResolveAsync(_store, cancellationToken);
            await foreach (var upTo in decided.Reader.ReadAllAsync(cancellationToken))
            {
                for (; frontier < upTo; frontier++)
                {
                    var plan = plans[frontier];
                    if (plan.Action is not (ItemAction.Create or ItemAction.Update)) continue;
                    ops.Add(writer.Add(plan, OperationFor(plan, updated)));
                }

                while (ops.Count >= batchSize)
                {
                    var chunk = ops.GetRange(0, batchSize);
                    var updates = Updates(chunk);
                    await writer.WriteAsync(chunk, cancellationToken);
                    ops.RemoveRange(0, batchSize);
                    reads.Leave(updates);
                }
            }

            if (ops.Count > 0) await writer.WriteAsync(ops, cancellationToken);
        }
        finally
        {
            // A failed write stops the planning; the planning's own failure reached the reader above. Never leave it running.
            await stop.CancelAsync();
            await planning;
        }

        return (plans, writer.Created, writer.Updated);
    }

    /// <summary>The writes of a batch that update a CI the planning read (every other write is a creation).</summary>
    private static int Updates(List<WriteOperation> chunk)
    {
        var n = 0;
        foreach (var op in chunk) n += op is UpdateCi or UpsertCi { Id: not null } ? 1 : 0;
        return n;
    }

    /// <summary>
    /// Keeps the planning at most about a chunk of reads ahead of the writer. Unbounded, the planning thread read and
    /// decided every matched CI of a large run long before the writer reached them: all those snapshots stayed alive (and
    /// were promoted by the collector) until written, and the store's kept reads (which spare the writer a second read of
    /// each CI) were outgrown. Counted in updates: planned reads enter, and leave once written or decided otherwise.
    /// </summary>
    private sealed class ReadGate(int limit) : IDisposable
    {
        private readonly SemaphoreSlim _progress = new(0);
        private int _outstanding;

        /// <summary>Waits until <paramref name="count"/> more reads fit beside those not yet written (always when none are outstanding).</summary>
        public async Task EnterAsync(int count, CancellationToken cancellationToken)
        {
            while (Volatile.Read(ref _outstanding) is var n && n > 0 && n + count > limit) await _progress.WaitAsync(cancellationToken);
            Interlocked.Add(ref _outstanding, count);
        }

        public void Leave(int count)
        {
            if (count == 0) return;
            Interlocked.Add(ref _outstanding, -count);
            _progress.Release();
        }

        public void Dispose() => _progress.Dispose();
    }
}
