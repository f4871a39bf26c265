using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    /// <summary>From this many upserts by identifiers a pipelined batch digests ahead; below it the thread's start costs more than it saves.</summary>
    public int DigestAheadUpserts { get; init; } = 2000;

    private DigestAhead? _digestAhead;
    private Ahead _ahead;

    /// <summary>Starts <see cref="DigestAhead"/> when the batch has enough upserts by identifiers to be worth it.</summary>
    private void StartDigestAhead(IReadOnlyList<WriteOperation> operations)
    {
        var upserts = 0;
        foreach (var operation in operations) upserts += operation is UpsertCi { Id: null } ? 1 : 0;
        if (upserts >= DigestAheadUpserts) _digestAhead = new DigestAhead(operations, _identifiers);
    }

    /// <summary>
    /// Claims the upsert being applied from <see cref="DigestAhead"/> before anything reads its fields, keeping what that
    /// thread computed for it, if anything.
    /// </summary>
    private void TakeAhead(UpsertCi op)
    {
        _ahead = default;
        if (_digestAhead is null || _position >= _ops.Count || !ReferenceEquals(_ops[_position], op)) return;
        if (_digestAhead.TryTake(_position, out var digest, out var valid)) _ahead = new Ahead(true, digest, valid);
    }

    private void StopDigestAhead()
    {
        _digestAhead?.Dispose();
        _digestAhead = null;
    }

    private readonly record struct Ahead(bool Known, UInt128? Digest, bool Valid);
}
