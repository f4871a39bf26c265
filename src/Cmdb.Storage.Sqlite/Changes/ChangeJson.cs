using System.Text.Json;
using System.Text.Json.Serialization;
using Cmdb.Domain.Changes;

namespace Cmdb.Storage.Sqlite.Changes;

/// <summary>JSON for the stored spec and audit detail; enums as names so the file reads without the code.</summary>
internal static class ChangeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ChangeSpec ReadSpec(string json) => Read<ChangeSpec>(json);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is null.");
}
