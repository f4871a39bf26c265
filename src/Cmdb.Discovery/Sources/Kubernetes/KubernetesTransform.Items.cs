using System.Text.Json;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Kubernetes;

public static partial class KubernetesTransform
{
    private static DiscoveredItem ToItem(KubernetesObject o, string cluster, List<KubernetesObject> all)
    {
        var e = o.Element;
        var labels = Json.StringMap(e, "metadata", "labels");
        var a = new Attributes()
            .Set("k8s.kind", o.Kind)
            .Set("k8s.cluster", cluster)
            .Set("namespace", o.Namespace)
            .Set("createdAt", Json.Str(e, "metadata", "creationTimestamp"))
            .Set("labels", Json.ToObject(labels));
        CiStatus? status = null;
        switch (o.Kind)
        {
            case "Namespace":
                a.Set("phase", Json.Str(e, "status", "phase"));
                break;
            case "Node":
                a.Set("kubeletVersion", Json.Str(e, "status", "nodeInfo", "kubeletVersion"))
                    .Set("osImage", Json.Str(e, "status", "nodeInfo", "osImage"))
                    .Set("kernelVersion", Json.Str(e, "status", "nodeInfo", "kernelVersion"))
                    .Set("architecture", Json.Str(e, "status", "nodeInfo", "architecture"))
                    .Set("containerRuntime", Json.Str(e, "status", "nodeInfo", "containerRuntimeVersion"))
                    .Set("internalIp", Address(e, "InternalIP"))
                    .Set("hostname", Address(e, "Hostname"))
                    .Set("cpu", Json.Scalar(e, "status", "capacity", "cpu"))
                    .Set("memory", Json.Scalar(e, "status", "capacity", "memory"))
                    .Set("ready", Condition(e, "Ready"))
                    .Set("roles", Json.ToArray(labels.Keys.Where(k => k.StartsWith(NodeRolePrefix, StringComparison.Ordinal)).Select(k => k[NodeRolePrefix.Length..])));
                if (Json.Bool(e, "spec", "unschedulable") == true) status = CiStatus.Maintenance;
                break;
            case "Pod":
                a.Set("phase", Json.Str(e, "status", "phase"))
                    .Set("podIp", Json.Str(e, "status", "podIP"))
                    .Set("nodeName", Json.Str(e, "spec", "nodeName"))
                    .Set("qosClass", Json.Str(e, "status", "qosClass"))
                    .Set("images", Images(Json.Get(e, "spec")));
                break;
            case "Service":
                a.Set("type", Json.Str(e, "spec", "type"))
                    .Set("clusterIp", Json.Str(e, "spec", "clusterIP"))
                    .Set("selector", Json.ToObject(Json.StringMap(e, "spec", "selector")))
                    .Set("ports", Json.ToArray(Json.Array(e, "spec", "ports").Select(Port)));
                break;
            case "Ingress":
                a.Set("ingressClassName", Json.Str(e, "spec", "ingressClassName"))
                    .Set("hosts", Json.ToArray(Json.Array(e, "spec", "rules").Select(r => Json.Str(r, "host")).OfType<string>().Distinct()));
                break;
            default:
                a.Set("replicas", Json.Int(e, "spec", "replicas"))
                    .Set("readyReplicas", Json.Int(e, "status", "readyReplicas"))
                    .Set("availableReplicas", Json.Int(e, "status", "availableReplicas"))
                    .Set("images", Images(Json.Get(e, "spec", "template", "spec")));
                break;
        }

        return new DiscoveredItem(o.Class, Names.Clip(o.DisplayName), new Dictionary<string, string> { [WellKnown.Identifiers.K8sUid] = o.Uid }, a.Build())
        {
            Status = status,
            Environment = Names.Environment(Names.FirstTag(labels, "environment", "env")),
            MinHealthy = MinHealthy(o, all),
        };
    }

    private const string NodeRolePrefix = "node-role.kubernetes.io/";

    private static string? Address(JsonElement node, string type) =>
        Json.Array(node, "status", "addresses").Where(x => Json.Str(x, "type") == type).Select(x => Json.Str(x, "address")).FirstOrDefault();

    private static bool? Condition(JsonElement e, string type) =>
        Json.Array(e, "status", "conditions").Where(c => Json.Str(c, "type") == type).Select(c => (bool?)(Json.Str(c, "status") == "True")).FirstOrDefault();

    private static System.Text.Json.Nodes.JsonArray? Images(JsonElement? podSpec) =>
        podSpec is { } s ? Json.ToArray(Json.Array(s, "containers").Select(c => Json.Str(c, "image")).OfType<string>().Distinct()) : null;

    private static string Port(JsonElement p)
    {
        var port = Json.Scalar(p, "port") ?? "?";
        var protocol = Json.Str(p, "protocol") ?? "TCP";
        return Json.Scalar(p, "targetPort") is { } target ? $"{port}/{protocol}->{target}" : $"{port}/{protocol}";
    }
}
