using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>How often one batch is re-decided because CIs in it changed since they were compared, before its writes go one by one.</summary>
    private const int StaleRounds = 4;

    /// <summary>
    /// The write of a decided plan. The first update of a CI in a run names the version it was compared with, so a write
    /// by anyone else in between is refused instead of being merged onto (precedence was decided on the provenance read).
    /// A later item of the same run
    /// matching the same CI merges onto what the run wrote before it, as its comparison may have seen either state.
    /// </summary>
    private static WriteOperation OperationFor(ItemPlan plan, HashSet<string> updated)
    {
        if (plan.Action == ItemAction.Create) return new UpsertCi(null, plan.Item.Class, plan.Fields!) { Path = plan.Path };
        if (updated.Add(plan.CiId!)) return Update(plan);
        return new UpsertCi(plan.CiId, plan.Item.Class, plan.Fields!) { Path = plan.Path };
    }

    private static UpdateCi Update(ItemPlan plan) => new(plan.CiId!, plan.Existing!.Version, plan.Fields!) { Path = plan.Path };

    /// <summary>Writes a run's decided creates and updates in store batches and keeps their outcome on the plans.</summary>
    private sealed class ChunkWriter(DiscoveryService engine, string source, DateTimeOffset now, Actor actor, List<string> errors)
    {
        private readonly Dictionary<WriteOperation, ItemPlan> _byOp = new(ReferenceEqualityComparer.Instance);

        public int Created { get; private set; }

        public int Updated { get; private set; }

        public WriteOperation Add(ItemPlan plan, WriteOperation op)
        {
            _byOp[op] = plan;
            return op;
        }

        /// <summary>
        /// One store batch. An update the store refuses because its CI moved on since it was read (another writer) is
        /// read and decided again under precedence, and the batch is written again; a write refused for another reason,
        /// or after <see cref="StaleRounds"/> such rounds, is retried alone and marks its plan failed if refused again.
        /// </summary>
        public async Task WriteAsync(List<WriteOperation> chunk, CancellationToken cancellationToken)
        {
            for (var round = 0; round < StaleRounds && chunk.Count > 0; round++)
            {
                WriteResult result;
                try
                {
                    result = await engine._store.ApplyAsync(new WriteBatch(chunk), actor, cancellationToken);
                }
                catch (CmdbException e) when (e.Code == ErrorCode.Conflict && StaleAt(chunk, e) is { } stale)
                {
                    await DecideAgainAsync(chunk, stale, cancellationToken);
                    continue;
                }
                catch (CmdbException)
                {
                    break; // written one by one below, so one bad write costs only itself
                }

                for (var i = 0; i < chunk.Count; i++) Done(chunk[i], result.Results[i]);
                return;
            }

            if (chunk.Count == 0) return;
            var failed = await engine.ApplyAsync(chunk, actor, errors, Done, cancellationToken);
            foreach (var op in failed)
            {
                var plan = _byOp[op];
                plan.Action = ItemAction.Error;
                plan.Error = null; // the store's message is already in errors
                Forget(op, plan);
            }
        }

        private void Done(WriteOperation op, OperationResult result)
        {
            var plan = _byOp[op];
            plan.CiId = result.EntityId;
            if (result.Outcome == WriteOutcome.Created) Created++;
            else if (result.Outcome == WriteOutcome.Unchanged) plan.Action = ItemAction.Unchanged;
            else Updated++;
            Forget(op, plan);
        }

        /// <summary>Written (or failed): neither the write nor what was read for it is needed again, so the run does not keep them.</summary>
        private void Forget(WriteOperation op, ItemPlan plan)
        {
            _byOp.Remove(op);
            plan.Written();
        }

        /// <summary>The position of the update whose expected version the store refused (its path names it), or null.</summary>
        private static int? StaleAt(List<WriteOperation> chunk, CmdbException e)
        {
            const string Suffix = ".expectedVersion";
            if (e.Path is not { } path || !path.EndsWith(Suffix, StringComparison.Ordinal)) return null;
            var opPath = path[..^Suffix.Length];
            for (var i = 0; i < chunk.Count; i++)
            {
                if (chunk[i] is UpdateCi && string.Equals(chunk[i].Path, opPath, StringComparison.Ordinal)) return i;
            }

            return null;
        }

        /// <summary>Reads the CI of a refused update again and decides it again: a new update, or nothing left to write.</summary>
        private async Task DecideAgainAsync(List<WriteOperation> chunk, int index, CancellationToken cancellationToken)
        {
            var op = chunk[index];
            var plan = _byOp[op];
            _byOp.Remove(op);
            var fresh = (await engine._store.GetCisAsync([plan.CiId!], null, cancellationToken)).GetValueOrDefault(plan.CiId!);
            plan.Restart(fresh);
            if (fresh is null)
            {
                plan.Action = ItemAction.Error;
                plan.Error = $"{plan.Path}: CI {plan.CiId} changed while this run compared it and could not be read again; nothing was written for it.";
            }
            else
            {
                engine.PlanUpdate(plan, source, now, explain: false);
            }

            if (plan.Action == ItemAction.Update)
            {
                chunk[index] = Add(plan, Update(plan));
                return;
            }

            chunk.RemoveAt(index);
            plan.Written();
        }
    }
}
