using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    // How many of the next operations a read on a pipelined batch looks ahead for CIs to load in the same statement:
    // a whole discovery batch (5,000 by default), so its updates stop the statement thread about once.
    private const int PrefetchWindow = 5000;
    private readonly Dictionary<string, (ConfigurationItem Ci, long Rid)?> _prefetched = new(StringComparer.Ordinal);
    private WritePipeline? _pipe;
    private WritePipeline? _searchPipe; // the search file's rows (V0012), stepped on a third thread beside _pipe's
    private bool _searchRow; // the row being written goes to the search file
    private IReadOnlyList<WriteOperation> _ops = [];
    private int _position;

    /// <summary>
    /// Applies the operations in order. From <paramref name="pipelineFrom"/> operations on, the statements run on a
    /// second thread (<see cref="WritePipeline"/>); either way everything has run when this returns.
    /// </summary>
    public void ApplyAll(IReadOnlyList<WriteOperation> operations, List<OperationResult> results, int pipelineFrom, CancellationToken cancellationToken)
    {
        var pipelined = operations.Count >= pipelineFrom;
        var cpu = pipelined ? ThreadCpu.Seconds() : 0; // a file read: only for the large batches benchmarks look at
        _ops = operations;
        if (pipelined)
        {
            _pipe = new WritePipeline(_tx, _sql.Tapes);
            _searchPipe = new WritePipeline(SearchTx, _sql.Tapes, "cmdb-sqlite-search");
            ReserveForCis(operations);
            ExpectNewEdges(operations);
            StartDigestAhead(operations);
        }

        for (_position = 0; _position < operations.Count; _position++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(Apply(operations[_position]));
        }

        StopDigestAhead();
        WriteCreatedRun();
        FlushSearchIndex();
        DrainPipeline();
        _searchPipe?.Drain(); // before COMMIT: a failed search row still rolls the whole batch back
        if (pipelined) BatchThreadCpu = ThreadCpu.Seconds() - cpu;
    }

    private int _ciWrites; // CI operations of a pipelined batch, until the first CI it writes reserves room for them
    private int _identifierWrites; // identifiers those operations name, for the same reservation
    private (int Cis, int Identifiers) _creationRoom; // the same counts, until the batch's first new CI grows the index for them

    /// <summary>
    /// Counts the batch's CI operations, so that the first CI it writes sizes what the batch keeps per CI once: grown by
    /// doubling, a bulk import of CIs copied each table several times, and the copies were garbage the collector walked.
    /// A re-import that writes nothing reserves nothing.
    /// </summary>
    private void ReserveForCis(IReadOnlyList<WriteOperation> operations)
    {
        var cis = 0;
        var identifiers = 0;
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case Domain.Storage.UpsertCi upsert:
                    cis++;
                    identifiers += upsert.Fields.Identifiers?.Count ?? 0;
                    break;
                case Domain.Storage.UpdateCi update:
                    cis++;
                    identifiers += update.Fields.Identifiers?.Count ?? 0;
                    break;
                case Domain.Storage.RetireCi:
                    cis++;
                    break;
            }
        }

        _ciWrites = cis >= 1000 ? cis : 0;
        _identifierWrites = cis >= 1000 ? identifiers : 0;
    }

    private void ReserveOnFirstWrite()
    {
        var cis = _ciWrites;
        _ciWrites = 0;
        _cis.EnsureCapacity(cis);
        _nodeChanges.Capacity = Math.Max(_nodeChanges.Capacity, cis);
        // Sized for every identifier the batch names (a bulk import's CIs carry two or three each): grown from the CI
        // count by doubling, the overlay was rehashed twice and its outgrown tables were garbage.
        _identifierOverlay.EnsureCapacity(Math.Max(cis, _identifierWrites));
        _creationRoom = (cis, _identifierWrites);
        _identifierWrites = 0;
    }

    /// <summary>CPU seconds of the batch's thread in <see cref="ApplyAll"/> when it was pipelined (for benchmarks), else 0.</summary>
    public double BatchThreadCpu { get; private set; }

    /// <summary>CPU seconds of the statement thread, or 0 when the batch was not pipelined; known after <see cref="Dispose"/>.</summary>
    public double StatementThreadCpu => _pipe?.ThreadCpuSeconds ?? 0;

    /// <summary>CPU seconds and idle wall seconds of the search file's statement thread (0 when not pipelined); known after <see cref="Dispose"/>.</summary>
    public (double Cpu, double Idle) SearchThread => (_searchPipe?.ThreadCpuSeconds ?? 0, _searchPipe?.IdleSeconds ?? 0);

    /// <summary>The batch's transaction on the search file (<see cref="SearchFile"/>), begun by the store with the database's.</summary>
    public required SqliteTransaction SearchTx { get; init; }

    /// <summary>Wall seconds the batch's thread waited for the statement thread, and the statement thread for work (benchmarks).</summary>
    public (double BatchWaited, double StatementIdle) PipelineWaits => (_pipe?.WaitedSeconds ?? 0, _pipe?.IdleSeconds ?? 0);

    /// <summary>Stops the statement thread (skipping what it has not run yet); call before the transaction ends.</summary>
    public void Dispose()
    {
        StopDigestAhead();
        _pipe?.Dispose();
        _searchPipe?.Dispose();
    }

    /// <summary>
    /// Runs (or, pipelined, queues) one execution with its values given as objects (relationships, updates, audit rows);
    /// they are copied into the tape at once, so nothing of the array outlives the call.
    /// </summary>
    private void Run(Statement statement, params object?[] values)
    {
        Row(statement).Values(values);
        EndRow();
    }

    /// <summary>
    /// Starts an execution of <paramref name="statement"/>: give its values in parameter order, then <see cref="EndRow"/>.
    /// Pipelined, the row goes to the statement thread's next tape; otherwise it runs at <see cref="EndRow"/>. Search rows
    /// (<see cref="Statement.OnSearchFile"/>) go to the search file's tape and thread, the rest to the database's.
    /// </summary>
    private StepTape Row(Statement statement)
    {
        _searchRow = statement.OnSearchFile;
        return _searchRow ? (_searchPipe?.Tape ?? _sql.Search.Immediate).Begin(statement) : (_pipe?.Tape ?? _sql.Immediate).Begin(statement);
    }

    private void EndRow()
    {
        if (_searchRow)
        {
            if (_searchPipe is not null)
            {
                _searchPipe.Ended();
                return;
            }

            _sql.Search.Immediate.End();
            _sql.Search.Immediate.RunAll(SearchTx);
            return;
        }

        if (_pipe is not null)
        {
            _pipe.Ended();
            return;
        }

        _sql.Immediate.End();
        _sql.Immediate.RunAll(_tx);
    }

    private void DrainPipeline() => _pipe?.Drain();

    /// <summary>
    /// Pipelined, queues the search index's flush (<see cref="SearchFile.FlushFts"/>) behind the batch's last search row
    /// and hands that tape over at once, so the search thread writes the batch's index segment (and FTS5's merge work)
    /// while the statement thread finishes; otherwise the search file's COMMIT did it on the batch's thread, after the
    /// database's COMMIT.
    /// </summary>
    private void FlushSearchIndex()
    {
        if (_searchPipe is null) return;
        Row(_sql.Search.FlushFts);
        EndRow();
        _searchPipe.Hand();
    }

    /// <summary>
    /// A CI this batch has not written yet, as committed: read together with the CIs the next operations name, so a
    /// pipelined batch of updates stops the statement thread once per window rather than once per CI.
    /// </summary>
    private (ConfigurationItem Ci, long Rid)? Prefetched(string id)
    {
        if (_prefetched.Remove(id, out var known)) return known;
        DrainPipeline(); // a read sees the batch's own writes only once they have run
        var ids = new HashSet<string>(StringComparer.Ordinal) { id };
        for (var k = _position + 1; k < _ops.Count && k <= _position + PrefetchWindow; k++) AddIdsNamedBy(_ops[k], ids);
        ids.RemoveWhere(_cis.ContainsKey);
        foreach (var each in ids) _prefetched[each] = null; // null: read, and not stored
        using (var r = _sql.SelectCis.Reader(_tx, SqlText.JsonArray(ids)))
        {
            while (r.Read())
            {
                var ci = CiJsonReader.Read(r.GetUtf8(0));
                _prefetched[ci.Id] = (ci, r.GetInt64(1));
            }
        }

        _prefetched.Remove(id, out known);
        return known;
    }

    private static void AddIdsNamedBy(WriteOperation operation, HashSet<string> ids)
    {
        switch (operation)
        {
            // Only writes that name their CI: those are planned changes (discovery's updates, edits). An upsert found by
            // its identifiers is often unchanged (a re-import) and decided from the fingerprints without any read.
            case UpsertCi { Id: { } id }:
                ids.Add(id);
                break;
            case UpdateCi update:
                ids.Add(update.Id);
                break;
            case RetireCi retire:
                ids.Add(retire.Id);
                break;
        }
    }
}
