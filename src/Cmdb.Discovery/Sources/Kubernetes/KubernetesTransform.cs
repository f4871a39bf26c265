using System.Text.Json;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Kubernetes;

/// <summary>
/// Pure transform of a kubectl <c>List</c> into CIs (identified by <c>k8s.uid</c>) and their relationships:
/// cluster and namespaces CONTAINS, pods RUNS_ON nodes, owners OWNS replicas, services and ingresses ROUTES_TO.
/// </summary>
public static partial class KubernetesTransform
{
    private static readonly Dictionary<string, string> KindClasses = new(StringComparer.Ordinal)
    {
        ["Namespace"] = WellKnown.Classes.KubernetesNamespace,
        ["Node"] = WellKnown.Classes.KubernetesNode,
        ["Deployment"] = WellKnown.Classes.KubernetesDeployment,
        ["ReplicaSet"] = WellKnown.Classes.KubernetesReplicaSet,
        ["StatefulSet"] = WellKnown.Classes.KubernetesStatefulSet,
        ["DaemonSet"] = WellKnown.Classes.KubernetesDaemonSet,
        ["Pod"] = WellKnown.Classes.Pod,
        ["Service"] = WellKnown.Classes.KubernetesService,
        ["Ingress"] = WellKnown.Classes.KubernetesIngress,
    };

    public static ScopeResult Transform(KubernetesRaw raw)
    {
        if (string.IsNullOrWhiteSpace(raw.Cluster))
            throw new DiscoveryFormatException(raw.Input, "the cluster has no name; set Name in the options.");
        using var document = Json.Parse(raw.Input, raw.Json);
        var objects = ReadObjects(document.RootElement, raw.Input);

        var cluster = new DiscoveredItem(
            WellKnown.Classes.KubernetesCluster,
            raw.Cluster,
            new Dictionary<string, string> { [WellKnown.Identifiers.K8sCluster] = raw.Cluster },
            new Attributes().Set("k8s.nodes", objects.Count(o => o.Kind == "Node")).Build());
        var items = new List<DiscoveredItem> { cluster };
        items.AddRange(objects.Select(o => ToItem(o, raw.Cluster, objects)));
        return ScopeResult.Completed(raw.Cluster, items, Relate(cluster, objects));
    }

    private static List<KubernetesObject> ReadObjects(JsonElement root, string input)
    {
        if (root.ValueKind != JsonValueKind.Object || Json.Get(root, "items") is not { ValueKind: JsonValueKind.Array } list)
            throw new DiscoveryFormatException(input, "not a kubectl List: expected an object with an \"items\" array (kubectl get … -o json).");
        var objects = new List<KubernetesObject>();
        var uids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var e in list.EnumerateArray())
        {
            var at = $"items[{i++}]";
            var kind = Json.Str(e, "kind") ?? throw new DiscoveryFormatException(input, $"{at} has no kind.");
            if (!KindClasses.TryGetValue(kind, out var ciClass)) continue;
            var name = Json.Str(e, "metadata", "name") ?? throw new DiscoveryFormatException(input, $"{at} ({kind}) has no metadata.name.");
            var ns = Json.Str(e, "metadata", "namespace");
            var shown = ns is null ? name : $"{ns}/{name}";
            var uid = Json.Str(e, "metadata", "uid")
                ?? throw new DiscoveryFormatException(input, $"{at} ({kind} {shown}) has no metadata.uid, which identifies it.");
            if (!uids.Add(uid)) throw new DiscoveryFormatException(input, $"{at} ({kind} {shown}) repeats the uid {uid}.");
            objects.Add(new KubernetesObject(kind, ciClass, uid, name, kind is "Namespace" or "Node" ? null : ns, e));
        }

        return objects;
    }
}
