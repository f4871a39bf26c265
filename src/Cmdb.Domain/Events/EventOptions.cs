using Cmdb.Domain.Model;

namespace Cmdb.Domain.Events;

/// <summary>
/// How monitoring events map to CIs. Bound from <see cref="SectionName"/>. The rules are tried in order and the first
/// that finds an existing CI wins; when none are configured, <see cref="DefaultRules"/> apply.
/// </summary>
public sealed class EventOptions
{
    public const string SectionName = "Cmdb:Events";

    /// <summary>Configured rules; empty means <see cref="DefaultRules"/>.</summary>
    public IList<EventLabelRule> LabelRules { get; } = [];

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<EventLabelRule> EffectiveRules => LabelRules.Count > 0 ? [.. LabelRules] : DefaultRules;

    /// <summary>
    /// Defaults that match the identifier schemes of the shipped model: an explicit <c>cmdb_ci</c> or <c>cmdb_key</c>
    /// label; a Kubernetes <c>uid</c> (kube-state-metrics); an <c>instance</c> that is a database or cache endpoint
    /// (<c>host:port</c> as is), else a host name or management IP with the exporter port stripped; <c>fqdn</c>/<c>host</c>.
    /// </summary>
    public static IReadOnlyList<EventLabelRule> DefaultRules { get; } =
    [
        new() { Label = "cmdb_ci", Scheme = EventLabelRule.IdScheme },
        new() { Label = "cmdb_key", Scheme = WellKnown.Identifiers.CmdbKey },
        new() { Label = "uid", Scheme = WellKnown.Identifiers.K8sUid },
        new() { Label = "instance", Scheme = WellKnown.Identifiers.DbKey },
        new() { Label = "instance", Scheme = WellKnown.Identifiers.CacheKey },
        new() { Label = "instance", Scheme = WellKnown.Identifiers.Fqdn, StripPort = true },
        new() { Label = "instance", Scheme = "mgmt.ip", StripPort = true },
        new() { Label = "fqdn", Scheme = WellKnown.Identifiers.Fqdn },
        new() { Label = "host", Scheme = WellKnown.Identifiers.Fqdn, StripPort = true },
    ];
}
