namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>Answers from the in-memory identifier map, under the write gate so no commit is half-published.</summary>
    public async Task<IReadOnlyDictionary<(string Scheme, string Value), string>> ResolveIdentifiersAsync(
        IReadOnlyCollection<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        _ = Graph;
        var found = new Dictionary<(string Scheme, string Value), string>(Math.Min(identifiers.Count, 1 << 20));
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfIdentifiersMissing();
            foreach (var pair in identifiers)
            {
                if (_identifiers.HolderOf(pair.Scheme, pair.Value) is { } holder) found[pair] = holder;
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return found;
    }
}
