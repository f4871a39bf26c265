using System.Text.Json;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Terraform;

/// <summary>
/// Pure transform of a Terraform state (format version 4) into CIs, one per resource instance, and DEPENDS_ON
/// relationships from each instance's recorded dependencies.
/// </summary>
public static partial class TerraformTransform
{
    private const string Managed = "managed";
    private const string Data = "data";

    public static ScopeResult Transform(TerraformRaw raw, TerraformOptions options)
    {
        using var document = Json.Parse(raw.Input, raw.Json);
        var root = document.RootElement;
        EnsureVersion(root, raw.Input);
        var qualifier = raw.Name ?? Json.Str(root, "lineage")
            ?? throw new DiscoveryFormatException(raw.Input, "the state has no lineage; give the state a Name in the options so its addresses stay unique.");

        var resources = ReadResources(root, raw.Input);
        var items = new List<DiscoveredItem>();
        var byResource = new Dictionary<string, List<DiscoveredItem>>(StringComparer.Ordinal);
        var byCloudId = new Dictionary<string, DiscoveredItem>(StringComparer.Ordinal);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var dependencies = new List<(DiscoveredItem Item, List<string> DependsOn)>();

        // Managed resources first: a data source reading an object this state manages is the same CI.
        foreach (var resource in resources.OrderBy(r => r.Mode == Managed ? 0 : 1))
        {
            var targets = byResource.TryGetValue(resource.Address, out var existing) ? existing : byResource[resource.Address] = [];
            foreach (var instance in resource.Instances)
            {
                if (!addresses.Add(instance.Address))
                    throw new DiscoveryFormatException(raw.Input, $"the resource instance {instance.Address} appears twice.");
                if (resource.Mode == Data && !Wanted(resource, instance, options)) continue;
                var item = ToItem(resource, instance, qualifier, options, raw.Input);
                if (item.Identifiers.TryGetValue(WellKnown.Identifiers.CloudId, out var cloudId) && byCloudId.TryGetValue(cloudId, out var same))
                {
                    targets.Add(same);
                    continue;
                }

                if (cloudId is not null) byCloudId[cloudId] = item;
                items.Add(item);
                targets.Add(item);
                dependencies.Add((item, instance.DependsOn));
            }
        }

        var relationships = new RelationshipSet();
        foreach (var (item, dependsOn) in dependencies)
        {
            foreach (var dependency in dependsOn)
            {
                if (!byResource.TryGetValue(dependency, out var targets)) continue;
                foreach (var target in targets)
                {
                    relationships.Add(
                        WellKnown.RelationshipTypes.DependsOn,
                        item.RefBy(WellKnown.Identifiers.TerraformAddress),
                        target.RefBy(WellKnown.Identifiers.TerraformAddress));
                }
            }
        }

        return ScopeResult.Completed(raw.Scope, items, relationships.ToList());
    }

    private static void EnsureVersion(JsonElement root, string input)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format_version", out _))
        {
            throw new DiscoveryFormatException(
                input, "this is 'terraform show -json' output, not a state file; save the state with 'terraform state pull > file.tfstate'.");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version))
            throw new DiscoveryFormatException(input, "not a Terraform state: no top-level \"version\".");
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 4)
        {
            throw new DiscoveryFormatException(
                input,
                $"Terraform state format version {version.GetRawText()} is not supported; only version 4 (Terraform 0.12 and later) is. " +
                "Run 'terraform state pull' with a current Terraform to get a version 4 state.");
        }
    }

    private static bool Wanted(TerraformResource resource, TerraformInstance instance, TerraformOptions options) =>
        options.IncludeDataSources
        && (options.ResourceClasses.ContainsKey(resource.Type)
            || (instance.Attributes is { } a && CloudId(a) is not null));
}
