using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Framework.Engine;

public sealed partial class DiscoveryService
{
    /// <summary>
    /// Compares what the source reported with the stored CI field by field; keeps only the fields precedence lets
    /// this source set. A CI discovery retired and the source reports again comes back whatever the status rule.
    /// </summary>
    private void PlanUpdate(ItemPlan plan, string source, DateTimeOffset now, bool explain)
    {
        var ci = plan.Existing!;
        var item = plan.Item;
        var changes = plan.Changes;
        var reappears = ci.Status == CiStatus.Retired && (plan.Sighting?.Retired == true || RetiredByDiscovery(ci));
        var fields = new CiFields
        {
            Name = Field("name", ci.Name, item.Name),
            Status = reappears ? Restore(ci, item) : Field("status", ci.Status, item.Status),
            Environment = Field("environment", ci.Environment, item.Environment),
            Criticality = Field("criticality", ci.Criticality, item.Criticality),
            Owner = Field("owner", ci.Owner, item.Owner),
            SupportGroup = Field("supportGroup", ci.SupportGroup, item.SupportGroup),
            MinHealthy = Field("minHealthy", ci.MinHealthy, item.MinHealthy),
            Tags = Tags(ci.Tags, item.Tags),
            Attributes = Attributes(ci.Attributes, item.Attributes),
            Identifiers = Identifiers(ci.Identifiers, item.Identifiers),
        };

        if (!plan.HasChanges || !changes.Exists(c => c.Applied))
        {
            plan.Action = ItemAction.Unchanged;
            return;
        }

        try
        {
            // As for a create (PlanCreate): the full merge only when the dry run shows it.
            if (explain) CiMerge.Apply(_store.Model, plan.Class!, ci, ci.Id, fields, _validationActor, now, plan.Path);
            else WriteChecks.EnsureValid(_store.Model, plan.Class!, ci, fields, plan.Path);
        }
        catch (CmdbException e)
        {
            Fail(plan, e.Message);
            return;
        }

        plan.Action = ItemAction.Update;
        plan.Fields = fields;

        T? Field<T>(string name, T? current, T? reported)
        {
            if (reported is null || EqualityComparer<T>.Default.Equals(current, reported)) return default;
            return Decide(name, explain ? Text(current) : null, explain ? Text(reported) : null) ? reported : default;
        }

        CiStatus? Restore(ConfigurationItem c, Discovery.Contract.DiscoveredItem i)
        {
            var to = i.Status is { } s && s != CiStatus.Retired ? s : CiStatus.Active;
            changes.Add(new PlannedFieldChange("status", Text(c.Status), Text(to), true, "reappeared after discovery retired it: restored"));
            return to;
        }

        IReadOnlyList<string>? Tags(IReadOnlyList<string> current, IReadOnlyList<string>? reported)
        {
            if (reported is null) return null;
            var next = reported.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (next.SequenceEqual(current, StringComparer.Ordinal)) return null;
            return Decide("tags", explain ? string.Join(",", current) : null, explain ? string.Join(",", next) : null) ? next : null;
        }

        JsonObject? Attributes(JsonObject current, JsonObject? reported)
        {
            if (reported is null) return null;
            JsonObject? allowed = null;
            foreach (var (key, value) in reported)
            {
                var old = current[key];
                if (JsonNode.DeepEquals(old, value)) continue;
                if (!Decide($"attributes.{key}", explain ? old?.ToJsonString() : null, explain ? value?.ToJsonString() : null)) continue;
                allowed ??= [];
                allowed[key] = value?.DeepClone();
            }

            return allowed;
        }

        Dictionary<string, string>? Identifiers(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> reported)
        {
            Dictionary<string, string>? allowed = null;
            foreach (var (scheme, value) in reported)
            {
                current.TryGetValue(scheme, out var old);
                if (old == value || !Decide($"identifiers.{scheme}", old, value)) continue;
                allowed ??= new Dictionary<string, string>(StringComparer.Ordinal);
                allowed[scheme] = value;
            }

            return allowed;
        }

        bool Decide(string field, string? before, string? after)
        {
            var (allowed, rule) = _precedence.Decide(ci.Class, field, ci.Provenance.GetValueOrDefault(field), source);
            changes.Add(new PlannedFieldChange(field, before, after, allowed, rule));
            return allowed;
        }
    }

    private static bool RetiredByDiscovery(ConfigurationItem ci) =>
        ci.Provenance.TryGetValue("status", out var p) && p.Source.StartsWith("discovery:", StringComparison.Ordinal);

    private static string? Text<T>(T? value) => value switch
    {
        null => null,
        CiStatus s => s.ToString().ToLowerInvariant(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
