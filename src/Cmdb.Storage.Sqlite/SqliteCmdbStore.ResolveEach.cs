namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>
    /// As <see cref="ResolveIdentifiersAsync"/>, by position: from the in-memory identifier map, under the write gate so
    /// no commit is half-published, without a dictionary of the answers (discovery reads them in the order it asked).
    /// </summary>
    public async Task<string?[]> ResolveEachAsync(IReadOnlyList<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        _ = Graph;
        var holders = new string?[identifiers.Count];
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfIdentifiersMissing();
            for (var i = 0; i < holders.Length; i++)
            {
                var (scheme, value) = identifiers[i];
                holders[i] = _identifiers.HolderOf(scheme, value);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return holders;
    }
}
