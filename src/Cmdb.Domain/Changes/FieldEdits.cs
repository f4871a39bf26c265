using System.Globalization;
using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Changes;

/// <summary>
/// The fields a <see cref="TopologyEditKind.SetField"/> edit may set. The graph fields (status, minHealthy, criticality,
/// environment) change what trouble reaches, so assessment applies them to the what-if topology; every other name is
/// a CI field or attribute (e.g. version) that is only checked after the change.
/// </summary>
public static class FieldEdits
{
    public const string Status = "status";
    public const string MinHealthy = "minHealthy";
    public const string Criticality = "criticality";
    public const string Environment = "environment";

    /// <summary>True for the fields the in-memory graph holds (they matter to impact).</summary>
    public static bool IsGraphField(string field) => field is Status or MinHealthy or Criticality or Environment;

    /// <summary>Checks the value of a graph field; the value of an attribute may be anything (null removes it).</summary>
    public static void CheckValue(TopologyEdit edit, string path, int i)
    {
        switch (edit.Field)
        {
            case Status when !Enum.TryParse<CiStatus>(edit.Value, ignoreCase: true, out _) || int.TryParse(edit.Value, out _):
                throw CmdbException.Invalid($"Edit {i + 1} sets status to '{edit.Value}'; use PLANNED, ACTIVE, MAINTENANCE or RETIRED.", path);
            case MinHealthy when !int.TryParse(edit.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > CiRules.MaxMinHealthy:
                throw CmdbException.Invalid($"Edit {i + 1} sets minHealthy to '{edit.Value}'; it must be a whole number from 1 to {CiRules.MaxMinHealthy}.", path);
            case Criticality when !int.TryParse(edit.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > 4:
                throw CmdbException.Invalid($"Edit {i + 1} sets criticality to '{edit.Value}'; it must be 1 (most critical) to 4.", path);
            case Environment when string.IsNullOrWhiteSpace(edit.Value):
                throw CmdbException.Invalid($"Edit {i + 1} sets environment; give the environment name.", path);
        }
    }

    /// <summary>Applies a graph-field edit to <paramref name="node"/> at <paramref name="seq"/>; other fields leave the graph alone.</summary>
    public static void Apply(GraphIndex g, int node, TopologyEdit edit, int seq)
    {
        if (!IsGraphField(edit.Field!)) return;
        var s = g.StateAt(node, seq)!;
        var status = edit.Field == Status ? Enum.Parse<CiStatus>(edit.Value!, ignoreCase: true) : s.Status;
        var environment = edit.Field == Environment ? edit.Value : g.EnvironmentName(s.EnvironmentIndex);
        int? criticality = edit.Field == Criticality ? Int(edit.Value) : s.Criticality == 0 ? null : s.Criticality;
        int? minHealthy = edit.Field == MinHealthy ? Int(edit.Value) : s.MinHealthy == 0 ? null : s.MinHealthy;
        g.UpsertNode(g.CiId(node), s.ClassIndex, status, environment, criticality, minHealthy, seq);
    }

    /// <summary>What the CI showed for the edit's field: from the graph for graph fields, else from <paramref name="observed"/>.</summary>
    public static string? Observed(GraphIndex graph, int node, int seq, TopologyEdit edit, ConfigurationItem? observed)
    {
        if (IsGraphField(edit.Field!))
        {
            if (graph.StateAt(node, seq) is not { } s) return null;
            return edit.Field switch
            {
                Status => s.Status.ToString().ToUpperInvariant(),
                Environment => graph.EnvironmentName(s.EnvironmentIndex),
                Criticality => s.Criticality == 0 ? null : s.Criticality.ToString(CultureInfo.InvariantCulture),
                _ => s.MinHealthy == 0 ? null : s.MinHealthy.ToString(CultureInfo.InvariantCulture),
            };
        }

        if (observed is null) return null;
        switch (edit.Field)
        {
            case "name": return observed.Name;
            case "owner": return observed.Owner;
            case "supportGroup": return observed.SupportGroup;
        }

        var value = observed.Attributes[edit.Field!];
        return value is null ? null : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    /// <summary>Declared and observed values agree (status names ignore case).</summary>
    public static bool Same(TopologyEdit edit, string? observed) =>
        string.Equals(edit.Value, observed, edit.Field == Status ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static int Int(string? value) => int.Parse(value!, CultureInfo.InvariantCulture);
}
