using System.Globalization;
using System.Text.Json;
using Cmdb.Domain.Events;

namespace Cmdb.Host.Webhooks;

/// <summary>
/// Reads the Alertmanager webhook body (version 4) into event inputs: each alert's status, labels, annotations,
/// startsAt, endsAt (<c>0001-01-01T00:00:00Z</c> means unset), generatorURL and fingerprint. The group fields
/// (groupKey, receiver, commonLabels...) repeat what the alerts carry and are not needed.
/// </summary>
internal static class AlertmanagerPayload
{
    public const string Source = "alertmanager";

    public static IReadOnlyList<EventInput> Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw WebhookProblem.InvalidJson(
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}). Send the Alertmanager webhook payload as is.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw WebhookProblem.BadRequest("The body must be a JSON object: the Alertmanager webhook payload (version 4).");
            if (root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() != "4")
                throw WebhookProblem.BadRequest($"Payload version '{version.GetString()}' is not supported; Alertmanager sends version 4.");
            if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
                throw WebhookProblem.BadRequest("The payload has no 'alerts' array; it does not look like an Alertmanager webhook call.");
            if (alerts.GetArrayLength() == 0) throw WebhookProblem.BadRequest("The payload's 'alerts' array is empty: there is nothing to store.");
            if (alerts.GetArrayLength() > EventRules.MaxBatch)
                throw WebhookProblem.BadRequest($"The payload carries {alerts.GetArrayLength()} alerts; at most {EventRules.MaxBatch} are accepted at once (set max_alerts in webhook_config).");
            var list = new List<EventInput>(alerts.GetArrayLength());
            var i = 0;
            foreach (var alert in alerts.EnumerateArray()) list.Add(Alert(alert, $"alerts[{i++}]"));
            return list;
        }
    }

    private static EventInput Alert(JsonElement alert, string path)
    {
        if (alert.ValueKind != JsonValueKind.Object) throw WebhookProblem.BadRequest($"{path} must be an object.");
        var status = String(alert, "status", path) switch
        {
            "firing" => EventStatus.Firing,
            "resolved" => EventStatus.Resolved,
            var other => throw WebhookProblem.BadRequest($"{path}.status is '{other}'; it must be 'firing' or 'resolved'."),
        };
        var labels = Map(alert, "labels", path, required: true);
        var annotations = Map(alert, "annotations", path, required: false);
        if (alert.TryGetProperty("generatorURL", out var generator) && generator.ValueKind == JsonValueKind.String && generator.GetString() is { Length: > 0 } url)
            annotations.TryAdd("generatorURL", url);
        var startsAt = Time(alert, "startsAt", path) ?? throw WebhookProblem.BadRequest($"{path}.startsAt is missing; every alert has a start time.");
        var endsAt = Time(alert, "endsAt", path);
        var fingerprint = alert.TryGetProperty("fingerprint", out var fp) && fp.ValueKind == JsonValueKind.String && fp.GetString() is { Length: > 0 } f ? f : null;
        return new EventInput(Source, status, labels, startsAt, annotations, endsAt, fingerprint);
    }

    private static string String(JsonElement o, string name, string path) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw WebhookProblem.BadRequest($"{path}.{name} is missing or not a string.");

    private static Dictionary<string, string> Map(JsonElement o, string name, string path, bool required)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw WebhookProblem.BadRequest($"{path}.{name} is missing; an alert is identified by its labels.") : map;
        }

        if (v.ValueKind != JsonValueKind.Object) throw WebhookProblem.BadRequest($"{path}.{name} must be an object of strings.");
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) throw WebhookProblem.BadRequest($"{path}.{name}.{p.Name} must be a string.");
            map[p.Name] = p.Value.GetString()!;
        }

        return map;
    }

    private static DateTimeOffset? Time(JsonElement o, string name, string path)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            throw WebhookProblem.BadRequest($"{path}.{name} must be an RFC 3339 time such as 2026-11-30T03:00:00Z.");
        return at.Year <= 1 ? null : at.ToUniversalTime(); // Go's zero time: Alertmanager's "not set"
    }
}
