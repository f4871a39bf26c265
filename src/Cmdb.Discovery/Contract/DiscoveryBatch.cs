using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Contract;

/// <summary>Everything one run of a source found, scope by scope.</summary>
public sealed record DiscoveryBatch(IReadOnlyList<ScopeResult> Scopes)
{
    public static DiscoveryBatch Of(params ScopeResult[] scopes) => new(scopes);

    /// <summary>All items of all scopes.</summary>
    public IEnumerable<DiscoveredItem> Items => Scopes.SelectMany(s => s.Items);

    /// <summary>All relationships of all scopes.</summary>
    public IEnumerable<DiscoveredRelationship> Relationships => Scopes.SelectMany(s => s.Relationships);

    /// <summary>
    /// The writes that load this batch into a store: one <see cref="UpsertCi"/> per item (matched by its class's
    /// identification rule, never by id), then one <see cref="UpsertRelationship"/> per relationship, whose ends are
    /// <see cref="CiRef.ByIdentifier"/> references.
    /// </summary>
    /// <remarks>
    /// Items come before relationships so a relationship may name an item created by the same batch. Each operation's
    /// <see cref="WriteOperation.Path"/> names its scope and position (<c>scope:items[3]</c>) for error messages.
    /// Incomplete scopes are included: what they did see is still true; only retirement must wait for a complete run.
    /// </remarks>
    public WriteBatch ToWriteBatch()
    {
        var operations = new List<WriteOperation>();
        foreach (var scope in Scopes)
        {
            for (var i = 0; i < scope.Items.Count; i++)
            {
                var item = scope.Items[i];
                operations.Add(new UpsertCi(null, item.Class, item.ToFields()) { Path = $"{scope.Scope}:items[{i}]" });
            }
        }

        foreach (var scope in Scopes)
        {
            for (var i = 0; i < scope.Relationships.Count; i++)
            {
                var r = scope.Relationships[i];
                operations.Add(new UpsertRelationship(r.Type, r.Source.ToCiRef(), r.Target.ToCiRef(), r.Attributes?.DeepClone().AsObject())
                {
                    Path = $"{scope.Scope}:relationships[{i}]",
                });
            }
        }

        return new WriteBatch(operations);
    }
}
