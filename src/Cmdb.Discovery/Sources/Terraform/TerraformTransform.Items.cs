using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Terraform;

public static partial class TerraformTransform
{
    /// <summary>
    /// Classes whose identification rule knows neither cloud.id nor terraform.address get the cloud id under the scheme
    /// their rule matches on as well, so the CI is matched like one entered by hand or found by another source.
    /// </summary>
    private static readonly Dictionary<string, string> ClassKeys = new(StringComparer.Ordinal)
    {
        [WellKnown.Classes.VirtualMachine] = WellKnown.Identifiers.CloudInstanceId,
        [WellKnown.Classes.Database] = WellKnown.Identifiers.DbKey,
        [WellKnown.Classes.Cache] = WellKnown.Identifiers.CacheKey,
        [WellKnown.Classes.Queue] = WellKnown.Identifiers.QueueKey,
    };

    private static DiscoveredItem ToItem(TerraformResource r, TerraformInstance instance, string qualifier, TerraformOptions options, string input)
    {
        var ciClass = options.ResourceClasses.TryGetValue(r.Type, out var mapped) ? mapped : options.DefaultClass;
        var a = instance.Attributes;
        var cloudId = a is { } x ? CloudId(x) : null;
        var identifiers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [WellKnown.Identifiers.TerraformAddress] = Names.Key($"{qualifier}/{instance.Address}"),
        };
        if (cloudId is not null) identifiers[WellKnown.Identifiers.CloudId] = Names.Key(cloudId);
        if (ClassKeys.TryGetValue(ciClass, out var scheme))
        {
            var key = scheme == WellKnown.Identifiers.CloudInstanceId && a is { } y ? Json.Str(y, "instance_id") ?? Json.Str(y, "id") : cloudId;
            identifiers[scheme] = Names.Key(key ?? throw new DiscoveryFormatException(
                input, $"{instance.Address} maps to {ciClass}, which is identified by '{scheme}', but the instance has no {(scheme == WellKnown.Identifiers.CloudInstanceId ? "id" : "arn or qualified id")}."));
        }

        var tags = a is { } t ? Json.StringMap(t, "tags") : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var name = Names.FirstTag(tags, "Name", "name") ?? (a is { } n ? Json.Str(n, "name") ?? Json.Str(n, "identifier") ?? Json.Str(n, "bucket") : null);
        var attributes = new Attributes()
            .Set("terraform.address", instance.Address)
            .Set("terraform.type", r.Type)
            .Set("terraform.mode", r.Mode)
            .Set("terraform.module", r.Module)
            .Set("terraform.provider", r.Provider)
            .Set("terraform.state", qualifier)
            .Set("terraform.index", instance.IndexKey);
        if (a is { } values) CopyAttributes(values, instance.Sensitive, options, attributes);
        attributes.Set("tags", Json.ToObject(tags));
        if (ciClass == WellKnown.Classes.Database && a is { } d)
        {
            // The model requires an engine; a managed database without one (DynamoDB-style) is named by its type.
            attributes.Set("engine", Json.Str(d, "engine") ?? Json.Str(d, "database_version") ?? r.Type);
        }

        return new DiscoveredItem(ciClass, Names.Clip(name ?? instance.Address), identifiers, attributes.Build())
        {
            Environment = Names.Environment(Names.FirstTag(tags, "Environment", "environment", "Env", "env")),
            Owner = Names.FirstTag(tags, "Owner", "owner"),
        };
    }

    /// <summary>
    /// A provider-wide unique id: an ARN, a qualified id (Azure <c>/subscriptions/…</c>, GCP <c>projects/…</c>, a URL)
    /// or a self link. A bare AWS id is not one: many resources share it (every <c>aws_s3_bucket_*</c> setting has the
    /// bucket name as id), and claiming it would merge distinct resources into one CI.
    /// </summary>
    private static string? CloudId(JsonElement a)
    {
        if (Json.Str(a, "arn") is { } arn) return arn;
        var id = Json.Str(a, "id");
        if (id is not null && (id.StartsWith("arn:", StringComparison.Ordinal) || id.StartsWith('/') || id.StartsWith("projects/", StringComparison.Ordinal)
            || id.Contains("://", StringComparison.Ordinal)))
            return id;
        return Json.Str(a, "self_link");
    }

    private static void CopyAttributes(JsonElement values, HashSet<string> sensitive, TerraformOptions options, Attributes attributes)
    {
        foreach (var name in options.CopiedAttributes)
        {
            if (sensitive.Contains(name) || Json.Get(values, name) is not { } v) continue;
            switch (v.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(v.GetString()):
                    attributes.Set(name, v.GetString());
                    break;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    attributes.Set(name, JsonNode.Parse(v.GetRawText()));
                    break;
            }
        }
    }
}
