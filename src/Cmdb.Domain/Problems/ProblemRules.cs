using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;

namespace Cmdb.Domain.Problems;

/// <summary>Validation of a <see cref="ProblemSpec"/> that needs no store.</summary>
public static class ProblemRules
{
    public const int MaxLinks = 500;

    public static void Validate(ProblemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Title)) throw CmdbException.Invalid("A problem needs a title.", "title");
        if (spec.Title.Length > IncidentRules.MaxTitleLength)
            throw CmdbException.Invalid($"The title is {spec.Title.Length} characters; at most {IncidentRules.MaxTitleLength} are allowed.", "title");
        Text(spec.Description, "description");
        Text(spec.Workaround, "workaround");
        Links(spec.CiIds, "ciIds");
        Links(spec.IncidentIds, "incidentIds");
    }

    private static void Text(string? value, string path)
    {
        if (value is { Length: > IncidentRules.MaxTextLength })
            throw CmdbException.Invalid($"The {path} is {value.Length} characters; at most {IncidentRules.MaxTextLength} are allowed.", path);
    }

    private static void Links(IReadOnlyList<string>? ids, string path)
    {
        if (ids is null) throw CmdbException.Invalid($"{path} must be a list (it may be empty).", path);
        if (ids.Count > MaxLinks) throw CmdbException.Invalid($"At most {MaxLinks} {path} can be linked; got {ids.Count}.", path);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i])) throw CmdbException.Invalid($"Entry {i + 1} of {path} is empty.", path);
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count) throw CmdbException.Invalid($"An id is listed twice in {path}.", path);
    }
}
