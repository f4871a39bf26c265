namespace Cmdb.Domain.Changes;

/// <summary>
/// A standard-change template as its owner writes it: a pre-approved procedure for CIs of one class (subclasses
/// included) that shields a STANDARD change from further approval while its assessment stays at or below
/// <see cref="MaxRiskLevel"/>. <see cref="ReviewBy"/> is when the template must be reviewed again; past it, the template
/// no longer shields anything. <see cref="ChangeTemplateRules"/> validates it.
/// </summary>
public sealed record ChangeTemplateSpec(
    string Name,
    string? Description,
    string ClassName,
    string Procedure,
    RiskLevel MaxRiskLevel,
    string ApprovedBy,
    DateTimeOffset ReviewBy);
