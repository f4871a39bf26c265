namespace Cmdb.GraphQL.Diagnosis;

/// <summary>The symptoms and start of an incident that is not (or not yet) recorded.</summary>
public sealed class DiagnoseInput
{
    public IReadOnlyList<string> SymptomCiIds { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public int? WindowHours { get; set; }
}
