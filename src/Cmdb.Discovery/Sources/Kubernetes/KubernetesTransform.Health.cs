using System.Globalization;
using System.Text.Json;
using Cmdb.Discovery.Support;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Sources.Kubernetes;

public static partial class KubernetesTransform
{
    /// <summary>
    /// How many owned members a workload needs, mirroring Kubernetes' own availability rule: the desired replicas minus
    /// what the rollout may take down (maxUnavailable: 25% rounded down for Deployments, 1 for StatefulSets and
    /// DaemonSets). A Deployment owns ReplicaSets, not pods: it needs its one current ReplicaSet.
    /// </summary>
    private static int? MinHealthy(KubernetesObject o, List<KubernetesObject> all)
    {
        var e = o.Element;
        int? needed = o.Kind switch
        {
            "Deployment" => Json.Int(e, "spec", "replicas") is > 0 ? 1 : null,
            "ReplicaSet" => Needed(Json.Int(e, "spec", "replicas"), OwnerDeployment(o, all) is { } d
                ? Json.Get(d.Element, "spec", "strategy", "rollingUpdate", "maxUnavailable") : null, "25%"),
            "StatefulSet" => Needed(Json.Int(e, "spec", "replicas"), Json.Get(e, "spec", "updateStrategy", "rollingUpdate", "maxUnavailable"), "1"),
            "DaemonSet" => Needed(Json.Int(e, "status", "desiredNumberScheduled"), Json.Get(e, "spec", "updateStrategy", "rollingUpdate", "maxUnavailable"), "1"),
            _ => null,
        };
        return needed is { } n ? Math.Min(n, CiRules.MaxMinHealthy) : null;
    }

    private static int? Needed(int? replicas, JsonElement? maxUnavailable, string fallback)
    {
        if (replicas is not > 0) return null;
        var spec = maxUnavailable switch
        {
            { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
            { ValueKind: JsonValueKind.String } v => v.GetString()!,
            _ => fallback,
        };
        int unavailable;
        if (spec.EndsWith('%') && int.TryParse(spec[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            unavailable = replicas.Value * percent / 100;
        else if (!int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out unavailable))
            unavailable = 0;
        return Math.Max(1, replicas.Value - unavailable);
    }

    private static KubernetesObject? OwnerDeployment(KubernetesObject o, List<KubernetesObject> all)
    {
        foreach (var owner in Json.Array(o.Element, "metadata", "ownerReferences"))
        {
            var uid = Json.Str(owner, "uid");
            var match = all.FirstOrDefault(x => x.Uid == uid && x.Kind == "Deployment");
            if (match is not null) return match;
        }

        return null;
    }
}
