using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Changes;

/// <summary>Validation of a <see cref="ChangeTemplateSpec"/>.</summary>
public static class ChangeTemplateRules
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// The highest level a template may shield. A high-risk change is by definition not a routine one, so it always
    /// goes to the board.
    /// </summary>
    public const RiskLevel MaxShieldedLevel = RiskLevel.Medium;

    public static void Validate(ChangeTemplateSpec spec, ModelCatalog model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        if (string.IsNullOrWhiteSpace(spec.Name)) throw CmdbException.Invalid("A change template needs a name.", "name");
        if (spec.Name.Length > MaxNameLength)
            throw CmdbException.Invalid($"The name is {spec.Name.Length} characters; at most {MaxNameLength} are allowed.", "name");
        if (string.IsNullOrWhiteSpace(spec.ClassName)) throw CmdbException.Invalid("A change template needs the CI class it applies to.", "className");
        if (!model.TryGetClass(spec.ClassName, out _))
            throw CmdbException.Invalid($"Unknown class '{spec.ClassName}'; a template applies to a class of the model (and its subclasses).", "className");
        if (string.IsNullOrWhiteSpace(spec.Procedure)) throw CmdbException.Invalid("A change template needs the procedure it pre-approves.", "procedure");
        if (string.IsNullOrWhiteSpace(spec.ApprovedBy))
            throw CmdbException.Invalid("A change template needs approvedBy: who (which board or manager) pre-approved it.", "approvedBy");
        if (spec.MaxRiskLevel > MaxShieldedLevel)
            throw CmdbException.Invalid($"A template may shield changes up to MEDIUM risk; {spec.MaxRiskLevel.ToString().ToUpperInvariant()} changes always need the board.", "maxRiskLevel");
        Text(spec.Description, "description");
        Text(spec.Procedure, "procedure");
        Text(spec.ApprovedBy, "approvedBy");
    }

    private static void Text(string? value, string path)
    {
        if (value is { Length: > ChangeSpecRules.MaxTextLength })
            throw CmdbException.Invalid($"The {path} is {value.Length} characters; at most {ChangeSpecRules.MaxTextLength} are allowed.", path);
    }
}
