using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Computes, on a second thread, what the in-memory unchanged check needs of a large batch's upserts by identifiers:
/// the <see cref="CiFingerprint"/> digest of the write's fields and whether they pass <see cref="CiRules.Validate"/>.
/// The batch's thread walks the operations from the front, this thread from the back; they meet in the middle, so a
/// re-import spends about half of its digest work on the other core.
/// </summary>
/// <remarks>
/// Each operation is claimed once (a compare-and-swap on its state), so the two threads never read one operation's
/// fields at the same time; the batch's thread computes inline every upsert it reaches first. Only upserts whose
/// identifiers the committed map gives to one CI are digested here (others would never use it), so a first import
/// costs this thread one lookup per CI. The map is not changed while a batch runs (it changes at publish).
/// Results are pure functions of the operation, so they do not depend on which thread computed them.
/// </remarks>
internal sealed class DigestAhead : IDisposable
{
    private const int Free = 0, Claimed = 1, Done = 2, Taken = 3;
    private const byte HasDigest = 1, Valid = 2, Computed = 4;
    private readonly IReadOnlyList<WriteOperation> _ops;
    private readonly IdentifierMap _identifiers;
    private readonly int[] _state;
    private readonly UInt128[] _digests;
    private readonly byte[] _flags;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public DigestAhead(IReadOnlyList<WriteOperation> operations, IdentifierMap identifiers)
    {
        _ops = operations;
        _identifiers = identifiers;
        _state = new int[operations.Count];
        _digests = new UInt128[operations.Count];
        _flags = new byte[operations.Count];
        _thread = new Thread(Run) { IsBackground = true, Name = "cmdb-digest-ahead" };
        _thread.Start();
    }

    /// <summary>
    /// The batch's thread, about to decide operation <paramref name="index"/>: true with the precomputed digest (null:
    /// the write cannot be decided in memory) and validity, or false when the caller computes them itself.
    /// </summary>
    public bool TryTake(int index, out UInt128? digest, out bool valid)
    {
        digest = null;
        valid = false;
        if ((uint)index >= (uint)_state.Length) return false;
        var state = Interlocked.CompareExchange(ref _state[index], Taken, Free);
        if (state == Free) return false; // this thread was first: the other one stops at it
        var spin = default(SpinWait);
        while (Volatile.Read(ref _state[index]) == Claimed) spin.SpinOnce(); // the other thread is on it right now
        var flags = _flags[index];
        if ((flags & Computed) == 0) return false; // skipped (or failed) there: the caller computes
        digest = (flags & HasDigest) != 0 ? _digests[index] : null;
        valid = (flags & Valid) != 0;
        return true;
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Run()
    {
        using var fingerprint = new CiFingerprint();
        for (var i = _ops.Count - 1; i >= 0 && !_stopping; i--)
        {
            if (_ops[i] is not UpsertCi { Id: null } op) continue;
            if (Interlocked.CompareExchange(ref _state[i], Claimed, Free) != Free) return; // the batch's thread got here
            try
            {
                if (HeldByOne(op.Fields.Identifiers))
                {
                    var flags = Computed;
                    if (fingerprint.Of(op.Class, op.Fields) is { } digest)
                    {
                        _digests[i] = digest;
                        flags |= HasDigest;
                    }

                    if (IsValid(op.Fields)) flags |= Valid;
                    _flags[i] = flags;
                }
            }
#pragma warning disable CA1031 // whatever fails here is computed again (and reported) by the batch's thread
            catch (Exception)
#pragma warning restore CA1031
            {
                _flags[i] = 0;
            }

            Volatile.Write(ref _state[i], Done);
        }
    }

    private bool HeldByOne(IReadOnlyDictionary<string, string>? identifiers)
    {
        if (identifiers is null || identifiers.Count == 0) return false;
        var node = -1;
        foreach (var (scheme, value) in identifiers)
        {
            if (!_identifiers.TryGetNode(scheme, value, out var holder) || (node >= 0 && holder != node)) return false;
            node = holder;
        }

        return true;
    }

    private static bool IsValid(CiFields fields)
    {
        try
        {
            CiRules.Validate(fields, null);
            return true;
        }
        catch (Cmdb.Domain.Errors.CmdbException)
        {
            return false;
        }
    }
}
