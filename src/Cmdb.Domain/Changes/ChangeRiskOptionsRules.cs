namespace Cmdb.Domain.Changes;

/// <summary>Checks a <see cref="ChangeRiskOptions"/>; hosts turn failures into a start-up error.</summary>
public static class ChangeRiskOptionsRules
{
    /// <summary>Every problem found, each naming the setting; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(ChangeRiskOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        foreach (var (name, value) in Weights(o))
        {
            if (value is < 0 or > 100) errors.Add($"{ChangeRiskOptions.SectionName}:{name} must be between 0 and 100; got {value}.");
        }

        if (!(o.MediumThreshold > 0 && o.MediumThreshold < o.HighThreshold && o.HighThreshold < o.CriticalThreshold && o.CriticalThreshold <= 100))
            errors.Add($"{ChangeRiskOptions.SectionName} thresholds must increase within 1..100 (Medium < High < Critical); got "
                + $"{o.MediumThreshold}, {o.HighThreshold}, {o.CriticalThreshold}.");
        if (o.BlastRadiusSaturation < 1) errors.Add($"{ChangeRiskOptions.SectionName}:BlastRadiusSaturation must be at least 1; got {o.BlastRadiusSaturation}.");
        if (o.StaleAfterDays < 1) errors.Add($"{ChangeRiskOptions.SectionName}:StaleAfterDays must be at least 1; got {o.StaleAfterDays}.");
        if (o.IncidentLookbackDays < 1) errors.Add($"{ChangeRiskOptions.SectionName}:IncidentLookbackDays must be at least 1; got {o.IncidentLookbackDays}.");
        if (o.HistoryDays < 1) errors.Add($"{ChangeRiskOptions.SectionName}:HistoryDays must be at least 1; got {o.HistoryDays}.");
        if (o.MaxServicesExamined is < 0 or > 100)
            errors.Add($"{ChangeRiskOptions.SectionName}:MaxServicesExamined must be between 0 and 100; got {o.MaxServicesExamined}.");
        for (var i = 0; i < o.FreezeWindows.Count; i++)
        {
            var f = o.FreezeWindows[i];
            if (f.End <= f.Start) errors.Add($"{ChangeRiskOptions.SectionName}:FreezeWindows:{i} ('{f.Name}') must end after it starts.");
        }

        for (var i = 0; i < o.MaintenanceWindows.Count; i++)
        {
            var rule = o.MaintenanceWindows[i];
            var at = $"{ChangeRiskOptions.SectionName}:MaintenanceWindows:{i} ('{rule.Name}')";
            if (rule.Classes.Count == 0 && rule.Environments.Count == 0) errors.Add($"{at} must name at least one class or environment.");
            if (!MaintenanceWindow.TryParseAll(rule.Window, out _, out var error)) errors.Add($"{at}: {error}");
        }

        if (string.IsNullOrWhiteSpace(o.MaintenanceWindowAttribute))
            errors.Add($"{ChangeRiskOptions.SectionName}:MaintenanceWindowAttribute must name a CI attribute.");
        return errors;
    }

    /// <summary>The weights by setting name, in factor order.</summary>
    public static IEnumerable<(string Name, int Value)> Weights(ChangeRiskOptions o)
    {
        yield return (nameof(o.BlastRadiusWeight), o.BlastRadiusWeight);
        yield return (nameof(o.ServiceCriticalityWeight), o.ServiceCriticalityWeight);
        yield return (nameof(o.ServiceOutageWeight), o.ServiceOutageWeight);
        yield return (nameof(o.SinglePointsOfFailureWeight), o.SinglePointsOfFailureWeight);
        yield return (nameof(o.ProductionWeight), o.ProductionWeight);
        yield return (nameof(o.ChangeTypeWeight), o.ChangeTypeWeight);
        yield return (nameof(o.CollisionsWeight), o.CollisionsWeight);
        yield return (nameof(o.FreezeWindowWeight), o.FreezeWindowWeight);
        yield return (nameof(o.MaintenanceWindowWeight), o.MaintenanceWindowWeight);
        yield return (nameof(o.IncidentsWeight), o.IncidentsWeight);
        yield return (nameof(o.MissingRollbackPlanWeight), o.MissingRollbackPlanWeight);
        yield return (nameof(o.MissingTestEvidenceWeight), o.MissingTestEvidenceWeight);
        yield return (nameof(o.FailureRateWeight), o.FailureRateWeight);
        yield return (nameof(o.UncertaintyWeight), o.UncertaintyWeight);
    }
}
