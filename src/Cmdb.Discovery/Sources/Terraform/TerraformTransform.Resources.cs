using System.Text.Json;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;

namespace Cmdb.Discovery.Sources.Terraform;

public static partial class TerraformTransform
{
    private static List<TerraformResource> ReadResources(JsonElement root, string input)
    {
        var list = new List<TerraformResource>();
        if (Json.Get(root, "resources") is not { } resources) return list;
        if (resources.ValueKind != JsonValueKind.Array)
            throw new DiscoveryFormatException(input, "\"resources\" must be an array.");
        var i = 0;
        foreach (var r in resources.EnumerateArray())
        {
            var at = $"resources[{i++}]";
            var mode = Required(r, "mode", input, at);
            if (mode is not (Managed or Data))
                throw new DiscoveryFormatException(input, $"{at} has mode '{mode}'; expected '{Managed}' or '{Data}'.");
            var type = Required(r, "type", input, at);
            var name = Required(r, "name", input, at);
            var module = Json.Str(r, "module");
            var address = (module is null ? "" : module + ".") + (mode == Data ? "data." : "") + type + "." + name;
            if (Json.Get(r, "instances") is not { ValueKind: JsonValueKind.Array } instances)
                throw new DiscoveryFormatException(input, $"{address} ({at}) has no \"instances\" array.");
            var parsed = instances.EnumerateArray().Select(e => ReadInstance(e, address, input)).ToList();
            list.Add(new TerraformResource(mode, type, name, module, ProviderName(Json.Str(r, "provider")), address, parsed));
        }

        return list;
    }

    private static TerraformInstance ReadInstance(JsonElement e, string resourceAddress, string input)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new DiscoveryFormatException(input, $"an instance of {resourceAddress} is not an object.");
        string? indexKey = null;
        var suffix = "";
        if (Json.Get(e, "index_key") is { } key)
        {
            (indexKey, suffix) = key.ValueKind switch
            {
                JsonValueKind.Number => (key.GetRawText(), $"[{key.GetRawText()}]"),
                JsonValueKind.String => (key.GetString(), $"[\"{key.GetString()}\"]"),
                _ => throw new DiscoveryFormatException(input, $"an instance of {resourceAddress} has an index_key that is neither a number nor a string."),
            };
        }

        var attributes = Json.Get(e, "attributes") is { ValueKind: JsonValueKind.Object } a ? a : (JsonElement?)null;
        var dependsOn = Json.Array(e, "dependencies").Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!).ToList();
        return new TerraformInstance(resourceAddress + suffix, indexKey, attributes, SensitiveNames(e), dependsOn);
    }

    /// <summary>Top-level attribute names Terraform marks sensitive (paths look like [{"type":"get_attr","value":"password"}]).</summary>
    private static HashSet<string> SensitiveNames(JsonElement instance)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Json.Array(instance, "sensitive_attributes"))
        {
            var first = path.ValueKind == JsonValueKind.Array ? path.EnumerateArray().FirstOrDefault() : path;
            if (first.ValueKind == JsonValueKind.Object && Json.Str(first, "value") is { } name) names.Add(name);
        }

        return names;
    }

    /// <summary><c>provider["registry.terraform.io/hashicorp/aws"].west</c> → <c>registry.terraform.io/hashicorp/aws.west</c>.</summary>
    private static string? ProviderName(string? provider)
    {
        if (provider is null) return null;
        var start = provider.IndexOf("[\"", StringComparison.Ordinal);
        var end = provider.IndexOf("\"]", StringComparison.Ordinal);
        return start < 0 || end < start ? provider : provider[(start + 2)..end] + provider[(end + 2)..];
    }

    private static string Required(JsonElement e, string property, string input, string at) =>
        Json.Str(e, property) ?? throw new DiscoveryFormatException(input, $"{at} lacks \"{property}\"; a resource needs mode, type and name.");
}
