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
    /// <remarks>
    /// Every changed field of every update passes here (two per item in a 1M first run). Only the dry run
    /// (<paramref name="explain"/>) shows the decisions, so only it records them (<see cref="PlannedFieldChange"/>, the
    /// before and after texts and the rule in words); a real run keeps whether any field may change. Maps are walked
    /// without boxed enumerators and field names come from <see cref="FieldName"/>.
    /// </remarks>
    private void PlanUpdate(ItemPlan plan, string source, DateTimeOffset now, bool explain)
    {
        var ci = plan.Existing!;
        var item = plan.Item;
        var changes = explain ? plan.Changes : null;
        var applied = false;
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

        if (!applied)
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
            changes?.Add(new PlannedFieldChange("status", Text(c.Status), Text(to), true, "reappeared after discovery retired it: restored"));
            applied = true;
            return to;
        }

        IReadOnlyList<string>? Tags(IReadOnlyList<string> current, IReadOnlyList<string>? reported)
        {
            if (reported is null) return null;
            var next = reported.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (next.SequenceEqual(current, StringComparer.Ordinal)) return null;
            return Decide("tags", explain ? string.Join(",", current) : null, explain ? string.Join(",", next) : null) ? next : null;
        }

        // The reported object itself when precedence lets every changed value through (the usual case): the store
        // merges only what differs from the stored CI and copies each value it keeps, so an unchanged value it is
        // handed changes nothing. A copy of the allowed values was a JSON object, its property table and a node per
        // value for every update. Only when a changed value is refused do the others go in a copy of their own.
        JsonObject? Attributes(JsonObject current, JsonObject? reported)
        {
            if (reported is null) return null;
            bool any = false, refused = false;
            // By index: JsonObject's enumerator is an interface, a boxed object per reported object.
            for (var i = 0; i < reported.Count; i++)
            {
                var (key, value) = reported.GetAt(i);
                var old = current[key];
                if (JsonNode.DeepEquals(old, value)) continue;
                if (Decide(FieldName("attributes.", key), explain ? old?.ToJsonString() : null, explain ? value?.ToJsonString() : null)) any = true;
                else refused = true;
            }

            if (!any) return null;
            if (!refused) return reported;
            var allowed = new JsonObject();
            for (var i = 0; i < reported.Count; i++)
            {
                var (key, value) = reported.GetAt(i);
                if (JsonNode.DeepEquals(current[key], value)) continue;
                var field = FieldName("attributes.", key);
                if (_precedence.Allows(ci.Class, field, ci.Provenance.GetValueOrDefault(field), source)) allowed[key] = value?.DeepClone();
            }

            return allowed;
        }

        Dictionary<string, string>? Identifiers(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> reported)
        {
            Dictionary<string, string>? allowed = null;
            if (reported is Dictionary<string, string> map)
            {
                foreach (var (scheme, value) in map) Identifier(scheme, value);
            }
            else
            {
                foreach (var (scheme, value) in reported) Identifier(scheme, value);
            }

            return allowed;

            void Identifier(string scheme, string value)
            {
                current.TryGetValue(scheme, out var old);
                if (old == value || !Decide(FieldName("identifiers.", scheme), old, value)) return;
                allowed ??= new Dictionary<string, string>(StringComparer.Ordinal);
                allowed[scheme] = value;
            }
        }

        bool Decide(string field, string? before, string? after)
        {
            var current = ci.Provenance.GetValueOrDefault(field);
            bool allowed;
            if (changes is null)
            {
                allowed = _precedence.Allows(ci.Class, field, current, source);
            }
            else
            {
                (allowed, var rule) = _precedence.Decide(ci.Class, field, current, source);
                changes.Add(new PlannedFieldChange(field, before, after, allowed, rule));
            }

            applied |= allowed;
            return allowed;
        }
    }

    /// <summary>
    /// The provenance name of an attribute or identifier (<c>attributes.rack</c>), one string per name for the engine's
    /// life: a run decides the same few names for every item (a new string each was 100k strings per 1M first run).
    /// Bounded, since names come from sources; past the bound a name is made each time, as before.
    /// </summary>
    private string FieldName(string prefix, string name)
    {
        var names = prefix == "attributes." ? _attributeFields : _identifierFields;
        if (names.TryGetValue(name, out var field)) return field;
        field = prefix + name;
        if (names.Count < MaxFieldNames) names.TryAdd(name, field);
        return field;
    }

    private const int MaxFieldNames = 4096;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _attributeFields = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _identifierFields = new(StringComparer.Ordinal);

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
