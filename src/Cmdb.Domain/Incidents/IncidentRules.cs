using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Incidents;

/// <summary>Validation of incident input that needs no store.</summary>
public static class IncidentRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxSymptoms = 500;

    /// <summary>Checks title, description, severity, start time (not in the future) and the symptom list's shape.</summary>
    public static void Validate(IncidentSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Title)) throw CmdbException.Invalid("An incident needs a title.", "title");
        if (spec.Title.Length > MaxTitleLength)
            throw CmdbException.Invalid($"The title is {spec.Title.Length} characters; at most {MaxTitleLength} are allowed.", "title");
        Text(spec.Description, "description");
        if (!Enum.IsDefined(spec.Severity))
            throw CmdbException.Invalid($"Severity {(int)spec.Severity} is unknown; use SEV1 (worst) to SEV4.", "severity");
        if (spec.StartedAt > now)
            throw CmdbException.Invalid($"The incident cannot start in the future: startedAt {spec.StartedAt:O} is after now ({now:O}).", "startedAt");
        if (spec.SymptomCiIds is not null) ValidateCiIds(spec.SymptomCiIds, "symptomCiIds", allowEmpty: true);
    }

    /// <summary>Checks a list of CI ids: not empty (unless allowed), no blanks, not too many. Duplicates are tolerated.</summary>
    public static void ValidateCiIds(IReadOnlyCollection<string>? ids, string path, bool allowEmpty)
    {
        if (ids is null || ids.Count == 0)
        {
            if (allowEmpty) return;
            throw CmdbException.Invalid("Name at least one CI.", path);
        }

        if (ids.Count > MaxSymptoms)
            throw CmdbException.Invalid($"At most {MaxSymptoms} CIs can be named at once; got {ids.Count}.", path);
        var i = 0;
        foreach (var id in ids)
        {
            i++;
            if (string.IsNullOrWhiteSpace(id)) throw CmdbException.Invalid($"CI number {i} is empty.", path);
        }
    }

    /// <summary>Checks a resolution text: required, bounded.</summary>
    public static void ValidateResolution(string? resolution)
    {
        if (string.IsNullOrWhiteSpace(resolution))
            throw CmdbException.Invalid("Say how the incident was resolved: the resolution must not be empty.", "resolution");
        Text(resolution, "resolution");
    }

    private static void Text(string? value, string path)
    {
        if (value is { Length: > MaxTextLength })
            throw CmdbException.Invalid($"The {path} is {value.Length} characters; at most {MaxTextLength} are allowed.", path);
    }
}
