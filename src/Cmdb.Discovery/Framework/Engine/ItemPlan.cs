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
internal sealed class ItemPlan(string scope, int index, DiscoveredItem item)
{
    public string Scope { get; } = scope;

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

    public List<PlannedFieldChange> Changes { get; } = [];

    public IReadOnlyList<string> Candidates { get; set; } = [];

    public string? Error { get; set; }

    public string Path => $"{Scope}:items[{Index}]";
}
