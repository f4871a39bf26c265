using GraphQL.DataLoader;

namespace Cmdb.GraphQL.DataLoaders;

/// <summary>
/// A per-request batch loader. GraphQL.NET collects every pending <see cref="IDataLoaderResult"/> of one execution
/// level before awaiting any of them, so all keys asked for on a level are queued before the first await dispatches
/// them in one <see cref="FetchAsync"/> call. Results stay cached for the request (cleared after each mutation).
/// </summary>
/// <remarks>
/// Thread-safe: the parallel execution strategy may resolve fields of one level concurrently.
/// </remarks>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _queued = [];
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _batchOf = [];

    /// <summary>Queues <paramref name="key"/>; the value is fetched with every other key queued on the same level.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.ContainsKey(key)) _queued.Add(key);
        }

        return new Result(this, key);
    }

    /// <summary>Makes room for <paramref name="count"/> more keys, so a long list of loads does not grow the queue step by step.</summary>
    public void Reserve(int count)
    {
        lock (_gate)
        {
            _queued.EnsureCapacity(_queued.Count + count);
            _batchOf.EnsureCapacity(_batchOf.Count + _queued.Count + count);
        }
    }

    /// <summary>
    /// The values of many keys now, in order (null where there is none): every key not cached yet is fetched in one
    /// batch, together with whatever else is queued.
    /// </summary>
    public async Task<TValue?[]> LoadManyAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) Load(key);
        var values = new TValue?[keys.Count];
        for (var i = 0; i < values.Length; i++) values[i] = await GetAsync(keys[i], cancellationToken);
        return values;
    }

    /// <summary>Forgets cached values, so reads after a write see it.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _batchOf.Clear();
            _queued.Clear();
        }
    }

    /// <summary>Fetches the values of many keys at once; keys without a value are left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<TKey, TValue>> batch;
        TKey[]? dispatch = null;
        TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? pending = null;
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out batch!))
            {
                // The key is still queued (or was cleared by a mutation in between): dispatch everything queued now.
                _queued.Add(key);
                dispatch = [.. _queued];
                _queued.Clear();
                pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
                batch = pending.Task;
                foreach (var k in dispatch) _batchOf[k] = batch;
            }
        }

        if (pending is not null)
        {
            try
            {
                pending.SetResult(await FetchAsync(dispatch!, cancellationToken));
            }
            catch (Exception e)
            {
                pending.SetException(e);
            }
        }

        var values = await batch;
        return values.GetValueOrDefault(key);
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
