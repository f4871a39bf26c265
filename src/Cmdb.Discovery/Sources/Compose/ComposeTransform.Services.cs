using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;
using YamlDotNet.RepresentationModel;

namespace Cmdb.Discovery.Sources.Compose;

public static partial class ComposeTransform
{
    private static DiscoveredItem ToItem(string project, string name, YamlMappingNode service, string input)
    {
        var build = Child(service, "build");
        var a = new Attributes()
            .Set("compose.project", project)
            .Set("compose.service", name)
            .Set("compose.file", input)
            .Set("image", Scalar(Child(service, "image")))
            .Set("build", Scalar(build) ?? Scalar(Child(build as YamlMappingNode, "context")))
            .Set("containerName", Scalar(Child(service, "container_name")))
            .Set("restart", Scalar(Child(service, "restart")))
            .Set("replicas", long.TryParse(Scalar(Child(Child(service, "deploy") as YamlMappingNode, "replicas")), out var r) ? r : null)
            .Set("ports", Json.ToArray(Sequence(service, "ports").Select(Port).OfType<string>()))
            .Set("networks", Json.ToArray(Networks(service)))
            .Set("profiles", Json.ToArray(Sequence(service, "profiles").Select(Scalar).OfType<string>()))
            .Set("healthcheck", Child(service, "healthcheck") is not null ? true : null);
        var binds = Sequence(service, "volumes").Select(Mount).Where(m => m is { Kind: MountKind.Bind }).Select(m => $"{m!.Source}:{m.Target}");
        a.Set("bindMounts", Json.ToArray(binds));
        return new DiscoveredItem(
            WellKnown.Classes.ApplicationInstance,
            Names.Clip($"{project}/{name}"),
            new Dictionary<string, string> { [WellKnown.Identifiers.InstanceKey] = InstanceKey(project, name) },
            a.Build());
    }

    internal static string InstanceKey(string project, string service) => Names.Key($"compose:{project}/{service}");

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode s ? s.Children : [];

    private static IEnumerable<string> Networks(YamlMappingNode service) => Child(service, "networks") switch
    {
        YamlSequenceNode s => s.Children.Select(Scalar).OfType<string>(),
        YamlMappingNode m => m.Children.Keys.Select(Scalar).OfType<string>(),
        _ => Child(service, "network_mode") is { } mode ? [$"mode:{Scalar(mode)}"] : ["default"],
    };

    /// <summary>Short (<c>"8080:80/tcp"</c>) and long (<c>{target, published, protocol}</c>) port syntax, as text.</summary>
    private static string? Port(YamlNode node)
    {
        if (Scalar(node) is { } s) return s;
        if (node is not YamlMappingNode m || Scalar(Child(m, "target")) is not { } target) return null;
        var published = Scalar(Child(m, "published"));
        var protocol = Scalar(Child(m, "protocol"));
        return (published is null ? "" : published + ":") + target + (protocol is null ? "" : "/" + protocol);
    }
}
