using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class TopologyEditInput
{
    public TopologyEditKind Kind { get; set; }
    public string? CiId { get; set; }
    public string? ClassName { get; set; }
    public string? Environment { get; set; }
    public int? Criticality { get; set; }
    public string? RelationshipType { get; set; }
    public string? SourceId { get; set; }
    public string? TargetId { get; set; }
    public string? Field { get; set; }
    public string? Value { get; set; }
}
