using Cmdb.Discovery.Contract;
using Cmdb.Domain.Discovery;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Framework.Engine;

internal enum ItemAction
{
    Create,
    Update,
    Unchanged,
    Conflict,
    Error,
}

/// <summary>What the run does with one discovered item.</summary>
internal sealed class ItemPlan(string scope, int scopeIndex, int index, DiscoveredItem item)
{
    private List<PlannedFieldChange>? _changes;

    public string Scope { get; } = scope;

    /// <summary>The scope's position in the batch, so per-scope bookkeeping indexes arrays instead of hashing names.</summary>
    public int ScopeIndex { get; } = scopeIndex;

    public int Index { get; } = index;

    public DiscoveredItem Item { get; } = item;

    public CiClass? Class { get; set; }

    public long Fingerprint { get; set; }

    public ItemAction Action { get; set; }

    /// <summary>The matched CI (after the write, also the created one).</summary>
    public string? CiId { get; set; }

    public CiSighting? Sighting { get; set; }

    public ConfigurationItem? Existing { get; set; }

    public CiFields? Fields { get; set; }

    /// <summary>The field decisions of an update (made on first use: most items of a run are unchanged and have none).</summary>
    public List<PlannedFieldChange> Changes => _changes ??= [];

    public bool HasChanges => _changes is { Count: > 0 };

    public IReadOnlyList<string> Candidates { get; set; } = [];

    public string? Error { get; set; }

    public string Path => $"{Scope}:items[{Index}]";

    /// <summary>Before the update is decided again on a fresh read of its CI (another writer changed it meanwhile).</summary>
    public void Restart(ConfigurationItem? existing)
    {
        Existing = existing;
        Fields = null;
        _changes = null;
    }

    /// <summary>After the write: what was read and decided for it is not needed again, so a large run does not keep it alive.</summary>
    public void Written()
    {
        Existing = null;
        Fields = null;
        _changes = null;
    }
}
