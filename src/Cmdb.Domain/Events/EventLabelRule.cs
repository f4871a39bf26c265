namespace Cmdb.Domain.Events;

/// <summary>
/// Maps an event to a CI when its label <see cref="Label"/> holds a value of identifier <see cref="Scheme"/>
/// (or, for the scheme <c>id</c>, the CI id itself). <see cref="StripPort"/> drops a trailing <c>:port</c>, so an
/// Alertmanager <c>instance</c> of <c>web-01.acme.internal:9100</c> finds the CI whose fqdn is <c>web-01.acme.internal</c>.
/// </summary>
public sealed class EventLabelRule
{
    /// <summary>The scheme that means "the label holds a CI id".</summary>
    public const string IdScheme = "id";

    public string Label { get; set; } = "";

    public string Scheme { get; set; } = "";

    public bool StripPort { get; set; }

    /// <summary>How the rule is reported in <see cref="MonitoringEvent.MappedBy"/>, e.g. <c>label:instance→fqdn</c>.</summary>
    public string Describe() => $"label:{Label}->{Scheme}{(StripPort ? " (port stripped)" : "")}";
}
