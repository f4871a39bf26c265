using System.Text.RegularExpressions;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cmdb.Discovery.Sources.Compose;

/// <summary>
/// Pure transform of a compose file: each service becomes an <c>ApplicationInstance</c> (identified by project and
/// service name), each named volume a <c>StorageVolume</c>; depends_on and links become DEPENDS_ON, volume mounts
/// USES_STORAGE.
/// </summary>
public static partial class ComposeTransform
{
    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex ProjectNameJunk();

    public static ScopeResult Transform(ComposeRaw raw)
    {
        var root = Load(raw);
        var project = ProjectName(raw, root);
        if (Child(root, "services") is not YamlMappingNode services)
        {
            throw new DiscoveryFormatException(
                raw.Input, "no 'services' mapping at the top level (files of the legacy version 1 format, with services at the top, are not read).");
        }

        var volumes = ReadVolumes(root, project, raw.Input);
        var serviceNames = services.Children.Keys.Select(k => Scalar(k) ?? "").ToHashSet(StringComparer.Ordinal);
        var items = new List<DiscoveredItem>();
        var relationships = new RelationshipSet();
        foreach (var (key, value) in services.Children)
        {
            var name = Scalar(key);
            if (string.IsNullOrWhiteSpace(name)) throw new DiscoveryFormatException(raw.Input, $"a service at line {key.Start.Line} has no name.");
            var service = value as YamlMappingNode ?? (IsNull(value) ? new YamlMappingNode()
                : throw new DiscoveryFormatException(raw.Input, $"service '{name}' (line {value.Start.Line}) must be a mapping."));
            var item = ToItem(project, name, service, raw.Input);
            items.Add(item);
            Relate(item, name, service, serviceNames, project, volumes, relationships, raw.Input);
        }

        items.AddRange(volumes.Values);
        return ScopeResult.Completed(raw.Input, items, relationships.ToList());
    }

    private static YamlMappingNode Load(ComposeRaw raw)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(raw.Yaml);
            stream.Load(new MergingParser(new Parser(reader)));
        }
        catch (YamlException e)
        {
            throw new DiscoveryFormatException(raw.Input, $"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {Reason(e)}", e);
        }

        if (stream.Documents.Count == 0) throw new DiscoveryFormatException(raw.Input, "the file is empty.");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new DiscoveryFormatException(raw.Input, "the top level must be a mapping (services:, volumes:, networks:).");
    }

    private static string ProjectName(ComposeRaw raw, YamlMappingNode root)
    {
        var given = raw.ProjectName ?? Scalar(Child(root, "name"))
            ?? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(raw.Input)));
        var name = ProjectNameJunk().Replace(given?.ToLowerInvariant() ?? "", "");
        return name.Length > 0 ? name : throw new DiscoveryFormatException(raw.Input, "cannot tell the project name; set ProjectName in the options.");
    }

    private static string Reason(YamlException e) => e.InnerException?.Message ?? e.Message;

    internal static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var v) && !IsNull(v) ? v : null;

    internal static string? Scalar(YamlNode? node) =>
        node is YamlScalarNode { Value: { } v } s && !IsNull(s) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
