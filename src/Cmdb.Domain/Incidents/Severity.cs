namespace Cmdb.Domain.Incidents;

/// <summary>How bad an incident is; <see cref="Sev1"/> is the worst.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}
