# Kubernetes in the demo estate: a production and a staging cluster, their nodes on VMs, namespaces, and a helper
# that creates a Deployment with its ReplicaSet, pods and Service.
from estate import team

REGISTRY = "registry.acme.internal"


class Kube:
    pass


class ClusterContext:
    def __init__(self, cluster, nodes, namespaces, env):
        self.cluster = cluster
        self.nodes = nodes
        self.namespaces = namespaces
        self.env = env
        self.next_node = 0


def build_kubernetes(e, infra):
    k = Kube()
    k.prod = _cluster(e, infra, "k8s-prod-fra1", "prod-fra1", 6, "production",
                      ["shop", "identity", "data", "ingress-nginx", "monitoring", "platform"])
    k.staging = _cluster(e, infra, "k8s-staging-fra1", "staging-fra1", 2, "staging", ["shop-staging"])
    k.ingress_pool = e.ci("Pool", "k8s-prod-fra1 ingress node pool", {"cmdb.key": "pool/k8s-prod-fra1-ingress"},
                          criticality=1, min_healthy=2, attributes={"port": 30443}, **team("platform"))
    for node in k.prod.nodes:
        e.rel("MEMBER_OF", node, k.ingress_pool)
    k.deploy = lambda *a, **kw: _deployment(e, *a, **kw)
    k.statefulset = lambda *a, **kw: _statefulset(e, infra, *a, **kw)
    k.daemonset = lambda *a, **kw: _daemonset(e, *a, **kw)
    k.service = lambda *a, **kw: _service(e, *a, **kw)
    return k


def _cluster(e, infra, name, cluster_id, node_count, env, namespaces):
    criticality = 1 if env == "production" else 4
    platform = team("platform")
    cluster = e.ci("KubernetesCluster", name, {"k8s.cluster": cluster_id}, env=env, criticality=criticality,
                   attributes={"version": "1.30.4", "distribution": "kubeadm", "cni": "cilium"}, **platform)
    nodes = []
    short = "prod" if env == "production" else "stg"
    for n in range(1, node_count + 1):
        vm_name = "k8s-%s-w0%d" % (short, n)
        vm = infra.vm(vm_name, "platform", cpu=16 if env == "production" else 8, memory=64 if env == "production" else 32,
                      env=env, criticality=criticality, tags=["k8s"])
        node = e.ci("KubernetesNode", vm_name, {"k8s.uid": e.uuid4()}, env=env, criticality=criticality,
                    attributes={"role": "worker", "kubeletVersion": "v1.30.4", "containerRuntime": "containerd://1.7.20",
                                "podCidr": "10.%d.%d.0/24" % (244 if env == "production" else 245, n)}, **platform)
        e.rel("RUNS_ON", node, vm)
        e.rel("CONTAINS", cluster, node)
        nodes.append(node)
    workers = infra.cluster("%s worker nodes" % name, "cluster/%s-workers" % name, nodes,
                            node_count - 2 if node_count > 2 else 1, "platform", criticality, env,
                            "Schedulable capacity; the cluster survives the loss of two workers")
    e.rel("RUNS_ON", cluster, workers)
    e.rel("LOCATED_IN", cluster, infra.dc)
    spaces = {}
    for ns in namespaces:
        spaces[ns] = e.ci("KubernetesNamespace", "%s/%s" % (name, ns), {"k8s.uid": e.uuid4()}, env=env,
                          criticality=criticality, attributes={"cluster": name, "namespace": ns}, **platform)
        e.rel("CONTAINS", cluster, spaces[ns])
    return ClusterContext(cluster, nodes, spaces, env)


def _place(ctx, count):
    nodes = []
    for _ in range(count):
        nodes.append(ctx.nodes[ctx.next_node % len(ctx.nodes)])
        ctx.next_node += 1
    return nodes


def _pods(e, ctx, ns, owner_name, count, app, image, version, owner, criticality, tags, nodes=None):
    pods = []
    for node in nodes or _place(ctx, count):
        pod = e.ci("Pod", "%s-%s" % (owner_name, e.k8s_suffix(5)), {"k8s.uid": e.uuid4()}, env=ctx.env,
                   criticality=criticality, tags=tags,
                   attributes={"image": "%s/%s:%s" % (REGISTRY, image, version), "version": version, "namespace": ns},
                   **team(owner))
        e.rel("RUNS_ON", pod, node)
        e.rel("CONTAINS", ctx.namespaces[ns], pod)
        if app is not None:
            e.rel("INSTANCE_OF", pod, app)
        pods.append(pod)
    return pods


def _workload(e, ctx, cls, ns, name, owner, criticality, tags, min_healthy, attributes):
    w = e.ci(cls, name, {"k8s.uid": e.uuid4()}, env=ctx.env, criticality=criticality, tags=tags,
             min_healthy=min_healthy, attributes=dict(attributes, namespace=ns), **team(owner))
    e.rel("CONTAINS", ctx.namespaces[ns], w)
    return w


def _service(e, ctx, ns, name, targets, owner, criticality, tags=None, port=8080):
    svc = _workload(e, ctx, "KubernetesService", ns, name, owner, criticality, tags, 1,
                    {"type": "ClusterIP", "port": port})
    for target in targets:
        e.rel("ROUTES_TO", svc, target)
    return svc


def _deployment(e, ctx, ns, name, app, replicas, image, version, owner, criticality, tags=None, port=8080):
    """A Deployment owning its current ReplicaSet, which owns the pods; a Service routes to the pods."""
    deployment = _workload(e, ctx, "KubernetesDeployment", ns, name, owner, criticality, tags, 1,
                           {"replicas": replicas, "strategy": "RollingUpdate"})
    rs_name = "%s-%s" % (name, e.k8s_suffix(10))
    # Needs all but one replica when small, two thirds of them when larger.
    min_healthy = max(1, replicas - 1) if replicas <= 3 else replicas * 2 // 3
    replica_set = _workload(e, ctx, "KubernetesReplicaSet", ns, rs_name, owner, criticality, tags, min_healthy,
                            {"replicas": replicas, "revision": e.rng.randint(3, 60)})
    e.rel("OWNS", deployment, replica_set)
    pods = _pods(e, ctx, ns, rs_name, replicas, app, image, version, owner, criticality, tags)
    for pod in pods:
        e.rel("OWNS", replica_set, pod)
    service = _service(e, ctx, ns, name, pods, owner, criticality, tags, port)
    return {"deployment": deployment, "replicaSet": replica_set, "pods": pods, "service": service}


def _statefulset(e, infra, ctx, ns, name, app, replicas, image, version, owner, criticality, min_healthy, size_gb):
    """A StatefulSet whose pods each keep data on a persistent volume on the SAN."""
    sts = _workload(e, ctx, "KubernetesStatefulSet", ns, name, owner, criticality, None, min_healthy,
                    {"replicas": replicas})
    pods = []
    for n in range(replicas):
        node = _place(ctx, 1)
        pod = e.ci("Pod", "%s-%d" % (name, n), {"k8s.uid": e.uuid4()}, env=ctx.env, criticality=criticality,
                   attributes={"image": "%s/%s:%s" % (REGISTRY, image, version), "version": version, "namespace": ns},
                   **team(owner))
        e.rel("RUNS_ON", pod, node[0])
        e.rel("CONTAINS", ctx.namespaces[ns], pod)
        e.rel("INSTANCE_OF", pod, app)
        e.rel("OWNS", sts, pod)
        volume = e.ci("StorageVolume", "pvc data-%s-%d" % (name, n), {"volume.id": "pvc-" + e.uuid4()}, env=ctx.env,
                      criticality=criticality, attributes={"kind": "persistent-volume", "sizeGb": size_gb,
                                                           "storageClass": "netapp-ssd"}, **team(owner))
        e.rel("HOSTED_ON", volume, infra.arrays[0])
        e.rel("USES_STORAGE", pod, volume)
        pods.append(pod)
    service = _service(e, ctx, ns, name, pods, owner, criticality, port=9200)
    return {"statefulSet": sts, "pods": pods, "service": service}


def _daemonset(e, ctx, ns, name, app, image, version, owner, criticality):
    """One pod per node."""
    ds = _workload(e, ctx, "KubernetesDaemonSet", ns, name, owner, criticality, None, len(ctx.nodes) - 1,
                   {"updateStrategy": "RollingUpdate"})
    for pod in _pods(e, ctx, ns, name, 0, app, image, version, owner, criticality, None, nodes=ctx.nodes):
        e.rel("OWNS", ds, pod)
    return ds
