namespace Cmdb.GraphQL.Types.Changes;

/// <summary>Outcomes of past changes on a CI (for a business service: on everything it depends on).</summary>
public sealed record ChangeSuccessRate(string CiId, int Total, int Completed, int Failed, int RolledBack)
{
    public double? Rate => Total == 0 ? null : Math.Round(Completed / (double)Total, 4);
}
