using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Impact.Export;

/// <summary>A CI in an exported subgraph.</summary>
/// <param name="CiId">The CI.</param>
/// <param name="ClassName">Its class.</param>
/// <param name="Label">What to show (a name); null shows the id.</param>
/// <param name="State">Its impact state, when the subgraph came from an impact question.</param>
/// <param name="Depth">Its distance from the question's CIs, when known.</param>
public sealed record SubgraphNode(string CiId, string ClassName, string? Label = null, ImpactState? State = null, int? Depth = null);
