using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>The GraphQL shape of a <see cref="ChangeTemplateSpec"/>.</summary>
public sealed class ChangeTemplateInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string ClassName { get; set; } = "";
    public string Procedure { get; set; } = "";
    public RiskLevel MaxRiskLevel { get; set; } = RiskLevel.Low;
    public string ApprovedBy { get; set; } = "";
    public DateTimeOffset ReviewBy { get; set; }

    public ChangeTemplateSpec ToSpec() => new(Name, Description, ClassName, Procedure, MaxRiskLevel, ApprovedBy, ReviewBy);
}
