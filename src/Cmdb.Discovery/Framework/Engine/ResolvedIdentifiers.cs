using Cmdb.Discovery.Contract;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// Who holds each identifier of a batch in the store, by position: for every scope, each item's identifiers in turn,
/// then both ends of each of its relationships (<see cref="Of"/> lists them). Identification walks the items in the
/// same order, so it reads an item's holders by position rather than looking every identifier up again.
/// </summary>
/// <remarks>
/// The store answers a chunk of positions at a time (<see cref="ResolveAsync"/>), and identification may start on the
/// first chunks while later ones are resolved on another thread: at 1M CIs the store's lookups (one cache-missing hash
/// probe per identifier, and a new id string per holder) take about as long as identifying the items, so a run that
/// waited for every answer first spent the two one after the other. A reader waits for the positions it needs
/// (<see cref="WaitAsync"/>); positions below <see cref="Ready"/> never change again.
/// </remarks>
internal sealed class ResolvedIdentifiers
{
    /// <summary>Identifiers per store call: small enough that identification starts within a few milliseconds.</summary>
    internal const int Chunk = 8192;

    private readonly (string Scheme, string Value)[] _pairs;
    private readonly string?[] _holders;
    private int _ready;
    private Exception? _failure;
    // Completed (and replaced) whenever Ready advances or the resolve fails; continuations run on the pool, never on
    // the resolving thread, so a waiting reader does not take over the resolver's thread.
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<(string Scheme, string Value), string>? _byIdentifier;

    private ResolvedIdentifiers((string Scheme, string Value)[] pairs)
    {
        _pairs = pairs;
        _holders = new string?[pairs.Length];
    }

    /// <summary>How many identifiers the batch has.</summary>
    public int Count => _pairs.Length;

    /// <summary>Positions below this are resolved.</summary>
    public int Ready => Volatile.Read(ref _ready);

    public (string Scheme, string Value) Pair(int position) => _pairs[position];

    /// <summary>The CI holding the identifier at this position now, or null. Only for positions below <see cref="Ready"/>.</summary>
    public string? Holder(int position) => _holders[position];

    /// <summary>The holder of any identifier of the batch (relationship ends), from a map made on first use, once all are resolved.</summary>
    public string? HolderOf((string Scheme, string Value) identifier)
    {
        if (Ready < _pairs.Length) throw new InvalidOperationException($"Only {Ready} of {_pairs.Length} identifiers are resolved yet.");
        if (_byIdentifier is null)
        {
            var map = new Dictionary<(string Scheme, string Value), string>();
            for (var i = 0; i < _pairs.Length; i++)
            {
                if (_holders[i] is { } holder) map.TryAdd(_pairs[i], holder);
            }

            _byIdentifier = map;
        }

        return _byIdentifier.GetValueOrDefault(identifier);
    }

    /// <summary>Completes when positions below <paramref name="end"/> are resolved; throws what the resolve failed with.</summary>
    public ValueTask WaitAsync(int end, CancellationToken cancellationToken)
    {
        // Take the signal before looking at Ready: an advance made after this read completes this very signal.
        var progress = Volatile.Read(ref _progress);
        if (Volatile.Read(ref _ready) >= end) return ValueTask.CompletedTask;
        return Slow(progress);

        async ValueTask Slow(TaskCompletionSource progress)
        {
            while (true)
            {
                // A failure is set before the signal it completes is replaced, so a replaced signal is never awaited in vain.
                if (Volatile.Read(ref _failure) is { } failure) throw new InvalidOperationException($"Resolving the batch's identifiers failed: {failure.Message}", failure);
                await progress.Task.WaitAsync(cancellationToken);
                progress = Volatile.Read(ref _progress);
                if (Volatile.Read(ref _ready) >= end) return;
            }
        }
    }

    /// <summary>
    /// Asks the store for every position in order, a chunk per call, publishing each chunk as it comes. A failure is
    /// passed to waiting readers as well as thrown here.
    /// </summary>
    public async Task ResolveAsync(ICmdbStore store, CancellationToken cancellationToken)
    {
        try
        {
            for (var start = Ready; start < _pairs.Length; start += Chunk)
            {
                var count = Math.Min(Chunk, _pairs.Length - start);
                var answers = await store.ResolveEachAsync(new ArraySegment<(string, string)>(_pairs, start, count), cancellationToken);
                if (answers.Length != count)
                    throw new InvalidOperationException($"The store resolved {answers.Length} identifiers where {count} were asked.");
                Array.Copy(answers, 0, _holders, start, count);
                Advance(start + count, null);
            }
        }
        catch (Exception e)
        {
            Advance(Ready, e);
            throw;
        }
    }

    private void Advance(int ready, Exception? failure)
    {
        if (failure is not null) Volatile.Write(ref _failure, failure);
        Volatile.Write(ref _ready, ready);
        var done = Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (failure is null) done.TrySetResult();
        else done.TrySetException(failure);
    }

    /// <summary>The batch's identifiers in the order above, none resolved yet.</summary>
    public static ResolvedIdentifiers Of(DiscoveryBatch batch)
    {
        var count = 0;
        foreach (var scope in batch.Scopes)
        {
            foreach (var item in scope.Items) count += item.Identifiers.Count;
            count += 2 * scope.Relationships.Count;
        }

        var pairs = new (string, string)[count];
        var k = 0;
        foreach (var scope in batch.Scopes)
        {
            foreach (var item in scope.Items)
            {
                if (item.Identifiers is Dictionary<string, string> d) foreach (var (key, value) in d) pairs[k++] = (key, value);
                else foreach (var (key, value) in item.Identifiers) pairs[k++] = (key, value);
            }

            foreach (var r in scope.Relationships)
            {
                pairs[k++] = (r.Source.Scheme, r.Source.Value);
                pairs[k++] = (r.Target.Scheme, r.Target.Value);
            }
        }

        return new ResolvedIdentifiers(pairs);
    }
}
