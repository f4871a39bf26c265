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
/// <remarks>
/// Every item of every run has one, and a run keeps them all to its end (a 100k-item run's plans outlive several
/// collections), so what only updates, conflicts and failures need lives in a <see cref="Detail"/> made on first use:
/// an unchanged item's plan is a third smaller.
/// </remarks>
internal sealed class ItemPlan(string scope, int scopeIndex, int index, DiscoveredItem item)
{
    private Detail? _detail;

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

    // Setting a detail to null on a plan without details makes none.
    public ConfigurationItem? Existing
    {
        get => _detail?.Existing;
        set { if (value is not null || _detail is not null) (_detail ??= new Detail()).Existing = value; }
    }

    public CiFields? Fields
    {
        get => _detail?.Fields;
        set { if (value is not null || _detail is not null) (_detail ??= new Detail()).Fields = value; }
    }

    /// <summary>The field decisions of an update (made on first use: most items of a run are unchanged and have none).</summary>
    public List<PlannedFieldChange> Changes => (_detail ??= new Detail()).Changes ??= [];

    public bool HasChanges => _detail?.Changes is { Count: > 0 };

    public IReadOnlyList<string> Candidates
    {
        get => _detail?.Candidates ?? [];
        set { if (value is not null || _detail is not null) (_detail ??= new Detail()).Candidates = value; }
    }

    public string? Error
    {
        get => _detail?.Error;
        set { if (value is not null || _detail is not null) (_detail ??= new Detail()).Error = value; }
    }

    /// <summary>
    /// Where the item is in the batch (<c>scope:items[3]</c>). An update asks for it twice (its checks, then its write
    /// operation), so a plan with details keeps the text it made; an unchanged item's plan never makes one.
    /// </summary>
    public string Path => _detail is { } d ? d.Path ??= MakePath() : MakePath();

    private string MakePath() => $"{Scope}:items[{Index}]";

    /// <summary>Before the update is decided again on a fresh read of its CI (another writer changed it meanwhile).</summary>
    public void Restart(ConfigurationItem? existing)
    {
        Existing = existing;
        Fields = null;
        if (_detail is { } d) d.Changes = null;
    }

    /// <summary>After the write: what was read and decided for it is not needed again, so a large run does not keep it alive.</summary>
    public void Written()
    {
        if (_detail is not { } d) return;
        d.Existing = null;
        d.Fields = null;
        d.Changes = null;
    }

    private sealed class Detail
    {
        public ConfigurationItem? Existing { get; set; }

        public CiFields? Fields { get; set; }

        public List<PlannedFieldChange>? Changes { get; set; }

        public IReadOnlyList<string>? Candidates { get; set; }

        public string? Error { get; set; }

        public string? Path { get; set; }
    }
}
