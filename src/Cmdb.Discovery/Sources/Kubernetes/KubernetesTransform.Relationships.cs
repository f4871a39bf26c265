using System.Text.Json;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Sources.Kubernetes;

public static partial class KubernetesTransform
{
    private static readonly HashSet<string> Workloads = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"];

    private static IReadOnlyList<DiscoveredRelationship> Relate(DiscoveredItem cluster, List<KubernetesObject> objects)
    {
        var set = new RelationshipSet();
        var clusterRef = cluster.RefBy(WellKnown.Identifiers.K8sCluster);
        var byUid = objects.ToDictionary(o => o.Uid, StringComparer.Ordinal);
        var namespaces = objects.Where(o => o.Kind == "Namespace").ToDictionary(o => o.Name, StringComparer.Ordinal);
        var nodes = objects.Where(o => o.Kind == "Node").ToDictionary(o => o.Name, StringComparer.Ordinal);
        var pods = objects.Where(o => o.Kind == "Pod").ToList();
        foreach (var o in objects)
        {
            var e = o.Element;
            if (o.Kind is "Namespace" or "Node") set.Add(WellKnown.RelationshipTypes.Contains, clusterRef, Ref(o));
            if (o.Namespace is { } ns && namespaces.TryGetValue(ns, out var owningNamespace))
                set.Add(WellKnown.RelationshipTypes.Contains, Ref(owningNamespace), Ref(o));
            if (o.Kind == "Pod" && Json.Str(e, "spec", "nodeName") is { } nodeName && nodes.TryGetValue(nodeName, out var node))
                set.Add(WellKnown.RelationshipTypes.RunsOn, Ref(o), Ref(node));
            if (o.Kind is "Pod" || Workloads.Contains(o.Kind))
            {
                foreach (var owner in Json.Array(e, "metadata", "ownerReferences"))
                {
                    // A ReplicaSet scaled to zero is an old revision kept for rollback: it is not one of the
                    // Deployment's live members, so it must not count towards (or against) its health.
                    if (Json.Str(owner, "uid") is { } uid && byUid.TryGetValue(uid, out var parent) && Workloads.Contains(parent.Kind)
                        && !(o.Kind == "ReplicaSet" && Json.Int(e, "spec", "replicas") == 0))
                        set.Add(WellKnown.RelationshipTypes.Owns, Ref(parent), Ref(o));
                }
            }

            if (o.Kind == "Service") RouteToPods(o, pods, set);
            if (o.Kind == "Ingress") RouteToServices(o, objects, set);
        }

        return set.ToList();
    }

    private static void RouteToPods(KubernetesObject service, List<KubernetesObject> pods, RelationshipSet set)
    {
        var selector = Json.StringMap(service.Element, "spec", "selector");
        if (selector.Count == 0) return; // No selector: endpoints are managed by hand, not by labels.
        foreach (var pod in pods.Where(p => p.Namespace == service.Namespace))
        {
            var labels = Json.StringMap(pod.Element, "metadata", "labels");
            if (selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value))
                set.Add(WellKnown.RelationshipTypes.RoutesTo, Ref(service), Ref(pod));
        }
    }

    private static void RouteToServices(KubernetesObject ingress, List<KubernetesObject> objects, RelationshipSet set)
    {
        var e = ingress.Element;
        var backends = Json.Array(e, "spec", "rules").SelectMany(r => Json.Array(r, "http", "paths")).Select(p => Json.Get(p, "backend"))
            .Append(Json.Get(e, "spec", "defaultBackend")).Append(Json.Get(e, "spec", "backend"))
            .OfType<JsonElement>()
            .Select(b => Json.Str(b, "service", "name") ?? Json.Str(b, "serviceName"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var service in objects.Where(o => o.Kind == "Service" && o.Namespace == ingress.Namespace && backends.Contains(o.Name)))
            set.Add(WellKnown.RelationshipTypes.RoutesTo, Ref(ingress), Ref(service));
    }

    private static DiscoveredRef Ref(KubernetesObject o) => new(WellKnown.Identifiers.K8sUid, o.Uid);
}
