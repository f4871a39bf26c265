using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;
using YamlDotNet.RepresentationModel;

namespace Cmdb.Discovery.Sources.Compose;

public static partial class ComposeTransform
{
    private static void Relate(
        DiscoveredItem item, string name, YamlMappingNode service, HashSet<string> services, string project,
        Dictionary<string, DiscoveredItem> volumes, RelationshipSet set, string input)
    {
        var self = item.RefBy(WellKnown.Identifiers.InstanceKey);
        foreach (var (dependency, condition) in DependsOn(service))
        {
            if (!services.Contains(dependency))
                throw new DiscoveryFormatException(input, $"service '{name}' depends on '{dependency}', which is not a service of this file.");
            set.Add(WellKnown.RelationshipTypes.DependsOn, self, new DiscoveredRef(WellKnown.Identifiers.InstanceKey, InstanceKey(project, dependency)),
                new Attributes().Set("condition", condition).Build());
        }

        foreach (var mount in Sequence(service, "volumes").Select(Mount).OfType<ComposeMount>().Where(m => m.Kind == MountKind.Volume))
        {
            if (!volumes.TryGetValue(mount.Source, out var volume))
                throw new DiscoveryFormatException(input, $"service '{name}' mounts volume '{mount.Source}', which the top-level 'volumes:' does not declare.");
            set.Add(WellKnown.RelationshipTypes.UsesStorage, self, volume.RefBy(WellKnown.Identifiers.VolumeId),
                new Attributes().Set("target", mount.Target).Set("readOnly", mount.ReadOnly ? true : null).Build());
        }
    }

    /// <summary>depends_on as a list (<c>[db]</c>) or a map (<c>db: {condition: service_healthy}</c>), plus links.</summary>
    private static IEnumerable<(string Service, string? Condition)> DependsOn(YamlMappingNode service)
    {
        var dependsOn = Child(service, "depends_on") switch
        {
            YamlSequenceNode s => s.Children.Select(Scalar).OfType<string>().Select(n => (n, (string?)null)),
            YamlMappingNode m => m.Children.Select(p => (Scalar(p.Key) ?? "", Scalar(Child(p.Value as YamlMappingNode, "condition")))),
            _ => [],
        };
        var links = Sequence(service, "links").Select(Scalar).OfType<string>().Select(l => (l.Split(':')[0], (string?)null));
        return dependsOn.Concat(links);
    }

    private static Dictionary<string, DiscoveredItem> ReadVolumes(YamlMappingNode root, string project, string input)
    {
        var volumes = new Dictionary<string, DiscoveredItem>(StringComparer.Ordinal);
        if (Child(root, "volumes") is not { } node) return volumes;
        if (node is not YamlMappingNode map) throw new DiscoveryFormatException(input, "the top-level 'volumes' must be a mapping of volume names.");
        foreach (var (key, value) in map.Children)
        {
            var name = Scalar(key) ?? throw new DiscoveryFormatException(input, $"a volume at line {key.Start.Line} has no name.");
            var spec = value as YamlMappingNode;
            var external = Scalar(Child(spec, "external")) is "true" || Child(spec, "external") is YamlMappingNode;
            // Docker's own name for the volume: what `docker volume ls` shows.
            var dockerName = Scalar(Child(spec, "name")) ?? (external ? name : $"{project}_{name}");
            volumes[name] = new DiscoveredItem(
                WellKnown.Classes.StorageVolume,
                Names.Clip(dockerName),
                new Dictionary<string, string> { [WellKnown.Identifiers.VolumeId] = Names.Key($"docker:{dockerName}") },
                new Attributes().Set("compose.project", project).Set("compose.volume", name).Set("driver", Scalar(Child(spec, "driver")))
                    .Set("external", external ? true : null).Build());
        }

        return volumes;
    }

    private static ComposeMount? Mount(YamlNode node)
    {
        if (Scalar(node) is { } s)
        {
            var parts = s.Split(':');
            if (parts.Length == 1) return null; // An anonymous volume: no name, nothing to track.
            var kind = parts[0].StartsWith('/') || parts[0].StartsWith('.') || parts[0].StartsWith('~') ? MountKind.Bind : MountKind.Volume;
            return new ComposeMount(kind, parts[0], parts[1], parts.Length > 2 && parts[2].Split(',').Contains("ro"));
        }

        if (node is not YamlMappingNode m || Scalar(Child(m, "source")) is not { } source) return null;
        var type = Scalar(Child(m, "type")) ?? "volume";
        return type is "volume" or "bind"
            ? new ComposeMount(type == "bind" ? MountKind.Bind : MountKind.Volume, source, Scalar(Child(m, "target")) ?? "", Scalar(Child(m, "read_only")) == "true")
            : null;
    }
}
