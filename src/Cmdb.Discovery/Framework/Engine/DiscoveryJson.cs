using System.Text.Json;
using System.Text.Json.Serialization;
using Cmdb.Domain.Discovery;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>Run records and conflicts as the state store keeps them.</summary>
internal static class DiscoveryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static StoredRun Store(DiscoveryRun run) => new(run.Id, run.Source, run.StartedAt, JsonSerializer.Serialize(run, Options));

    public static StoredConflict Store(ReconciliationConflict c) => new(c.Id, c.Source, c.RunId, c.DetectedAt, JsonSerializer.Serialize(c, Options));

    public static DiscoveryRun Run(StoredRun stored) =>
        JsonSerializer.Deserialize<DiscoveryRun>(stored.Json, Options) ?? throw new JsonException($"Run {stored.Id} is stored as null.");

    public static ReconciliationConflict Conflict(StoredConflict stored) =>
        JsonSerializer.Deserialize<ReconciliationConflict>(stored.Json, Options) ?? throw new JsonException($"Conflict {stored.Id} is stored as null.");
}
