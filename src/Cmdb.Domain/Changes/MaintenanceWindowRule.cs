namespace Cmdb.Domain.Changes;

/// <summary>
/// A configured maintenance window for CIs of some classes (subclasses included) and/or environments, e.g. every
/// production database: <c>Sun 02:00-06:00 Europe/London</c>. A CI's own <c>maintenanceWindow</c> attribute wins over
/// rules; among rules, the first that matches a CI applies. A rule must name at least one class or environment.
/// </summary>
public sealed class MaintenanceWindowRule
{
    public string Name { get; set; } = "";

    /// <summary>One or more windows separated by ';' (see <see cref="MaintenanceWindow"/>).</summary>
    public string Window { get; set; } = "";

    /// <summary>Classes it applies to (subclasses included); empty = any class.</summary>
    public IList<string> Classes { get; } = [];

    /// <summary>Environments it applies to (ordinal, case-insensitive); empty = any environment.</summary>
    public IList<string> Environments { get; } = [];
}
