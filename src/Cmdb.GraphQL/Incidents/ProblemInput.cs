using Cmdb.Domain.Problems;

namespace Cmdb.GraphQL.Incidents;

/// <summary>The GraphQL shape of a <see cref="ProblemSpec"/>.</summary>
public sealed class ProblemInput
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public bool IsKnownError { get; set; }
    public string? Workaround { get; set; }
    public IReadOnlyList<string>? CiIds { get; set; }
    public IReadOnlyList<string>? IncidentIds { get; set; }

    public ProblemSpec ToSpec() => new(Title, Description, IsKnownError, Workaround, CiIds ?? [], IncidentIds ?? []);
}
