using Cmdb.Domain.Discovery;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>What a run does with relationships: writes, sightings and removals of edges complete scopes no longer report.</summary>
internal sealed class RelationshipPlan
{
    public List<WriteOperation> Ops { get; } = [];

    /// <summary>Relationship id each write produced.</summary>
    public Dictionary<WriteOperation, string> Written { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<WriteOperation, (string Scope, string Key, long Fingerprint)> Meta { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Scope to keys reported again unchanged.</summary>
    public Dictionary<string, List<string>> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Scope to keys a complete run missed (not yet K times).</summary>
    public Dictionary<string, List<string>> Missed { get; } = new(StringComparer.Ordinal);

    /// <summary>Missed K times with both ends still reported: removed.</summary>
    public List<RelationshipSighting> Remove { get; } = [];

    public List<(string Scope, string Key)> Removed { get; } = [];
}
