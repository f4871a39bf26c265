namespace Cmdb.Testing.Synthetic;

internal sealed partial class EstateBuilder
{
    /// <summary>What a deployment needs: the application, its tier and the data stores its instances use.</summary>
    /// <remarks>
    /// Instances do not depend on other applications' services or pools: trouble would then climb instance by instance
    /// through every caller, and the estate's blast radii would no longer look like the reference sizes.
    /// </remarks>
    private sealed record Placement(byte Environment, int Tier, int App, List<int> DataStores);

    /// <summary>Runs an application: a pool of instances on Kubernetes pods or on virtual machines, behind a balancer at the front tier.</summary>
    private void Deploy(Tenancy site, Placement p)
    {
        var onKubernetes = site.KubeNodes.Count > 0 && _random.Chance(EstateShape.KubernetesApplicationShare);
        var replicas = onKubernetes ? _random.Between(2, 6) : _random.Between(2, 4);
        var pool = AddCi(SyntheticKind.Pool, p.Environment, minHealthy: Math.Max(1, replicas - 1));
        Link(SyntheticRelationshipType.RunsOn, p.App, pool);
        if (p.Tier == 0)
        {
            var balancer = AddCi(SyntheticKind.LoadBalancer, p.Environment, minHealthy: 1);
            Link(SyntheticRelationshipType.RoutesTo, balancer, pool);
            Link(SyntheticRelationshipType.DependsOn, p.App, balancer);
        }

        if (onKubernetes) DeployOnKubernetes(site, p, pool, replicas);
        else DeployOnVms(site, p, pool, replicas);
    }

    private void DeployOnKubernetes(Tenancy site, Placement p, int pool, int replicas)
    {
        var (environment, app) = (p.Environment, p.App);
        var ns = site.Namespaces[_random.Next(site.Namespaces.Count)];
        var deployment = AddCi(SyntheticKind.KubernetesDeployment, environment, minHealthy: Math.Max(1, replicas - 1));
        var service = AddCi(SyntheticKind.KubernetesService, environment, minHealthy: 1);
        Link(SyntheticRelationshipType.Contains, ns, deployment);
        Link(SyntheticRelationshipType.Contains, ns, service);
        for (var r = 0; r < replicas; r++)
        {
            var pod = AddCi(SyntheticKind.Pod, environment);
            Link(SyntheticRelationshipType.RunsOn, pod, site.KubeNodes[_random.Next(site.KubeNodes.Count)]);
            Link(SyntheticRelationshipType.Owns, deployment, pod);
            Link(SyntheticRelationshipType.Contains, ns, pod);
            Link(SyntheticRelationshipType.InstanceOf, pod, app);
            Link(SyntheticRelationshipType.RoutesTo, service, pod);

            // On Kubernetes the pod is the running instance (the model lets nothing run on a pod).
            JoinPool(p, pool, pod);
        }
    }

    private void DeployOnVms(Tenancy site, Placement p, int pool, int replicas)
    {
        for (var r = 0; r < replicas; r++) AddInstance(p, pool, Site.Next(site.ApplicationVms, ref site.ApplicationVmCursor));
    }

    private void AddInstance(Placement p, int pool, int host)
    {
        var instance = AddCi(SyntheticKind.ApplicationInstance, p.Environment);
        Link(SyntheticRelationshipType.RunsOn, instance, host);
        Link(SyntheticRelationshipType.InstanceOf, instance, p.App);
        JoinPool(p, pool, instance);
    }

    /// <summary>Makes a running instance (a pod or an application instance) a member of its pool, using what the application uses.</summary>
    private void JoinPool(Placement p, int pool, int instance)
    {
        Link(SyntheticRelationshipType.MemberOf, instance, pool);
        foreach (var store in p.DataStores) Link(SyntheticRelationshipType.DependsOn, instance, store);
    }
}
