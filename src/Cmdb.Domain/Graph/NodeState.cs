using Cmdb.Domain.Items;

namespace Cmdb.Domain.Graph;

/// <summary>
/// The facts about a CI that traversals need, valid from commit <see cref="SinceSeq"/>. Immutable: the index swaps
/// the whole object on change, so readers never see a torn value.
/// </summary>
public sealed record NodeState(int ClassIndex, CiStatus Status, int EnvironmentIndex, int Criticality, int MinHealthy, int SinceSeq)
{
    /// <summary>The state this one replaced (for reads as of an earlier commit), or null.</summary>
    public NodeState? Previous { get; init; }

    public bool IsRetired => Status == CiStatus.Retired;
}
