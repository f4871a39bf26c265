namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Current identifier to CI id, in memory, so identification needs no query per record. Only the writer touches
/// it, after each commit.
/// </summary>
internal sealed class IdentifierMap
{
    private readonly Dictionary<(string Scheme, string Value), string> _holders = [];

    public string? HolderOf(string scheme, string value) => _holders.GetValueOrDefault((scheme, value));

    public void Set(string scheme, string value, string ciId) => _holders[(scheme, value)] = ciId;

    public void Remove(string scheme, string value) => _holders.Remove((scheme, value));
}
