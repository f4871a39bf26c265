using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Sources.Kubernetes;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Xunit;
using Classes = Cmdb.Domain.Model.WellKnown.Classes;
using Ids = Cmdb.Domain.Model.WellKnown.Identifiers;
using Types = Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Discovery.Tests.Sources.Kubernetes;

public sealed class KubernetesTransformTests
{
    private static ScopeResult Cluster() =>
        KubernetesTransform.Transform(new KubernetesRaw("prod-eu-1", "cluster.json", TestData.Read("Kubernetes", "cluster.json")));

    private static DiscoveredItem Uid(ScopeResult s, string uid) => s.ItemBy(Ids.K8sUid, uid);

    [Fact]
    public void Transform_RealisticListing_ConformsToTheModel()
    {
        ModelConformance.AssertConforms(Cluster());
    }

    [Fact]
    public void Transform_RealisticListing_OneItemPerKnownObjectPlusTheCluster()
    {
        var s = Cluster();

        Assert.Equal("prod-eu-1", s.Scope);
        Assert.True(s.Complete);
        Assert.Equal(Classes.KubernetesCluster, s.ItemBy(Ids.K8sCluster, "prod-eu-1").Class);
        Assert.DoesNotContain(s.Items, i => i.Attr("k8s.kind") == "Endpoints");
        Assert.Equal(Classes.Pod, Uid(s, "pod-checkout-0").Class);
        Assert.Equal("shop/checkout-7d9c5b8f6d-ax2k", Uid(s, "pod-checkout-0").Name);
        Assert.Equal(Classes.KubernetesDeployment, Uid(s, "dep-checkout").Class);
        Assert.Equal("production", Uid(s, "dep-checkout").Environment);
        Assert.Equal("v1.30.2", Uid(s, "node-uid-a").Attr("kubeletVersion"));
        Assert.Equal(1 + 23, s.Items.Count);
    }

    [Fact]
    public void Transform_Pods_RunOnTheirNodes()
    {
        var s = Cluster();

        Assert.True(s.Has(Types.RunsOn, Uid(s, "pod-checkout-0"), Uid(s, "node-uid-a")));
        Assert.True(s.Has(Types.RunsOn, Uid(s, "pod-checkout-1"), Uid(s, "node-uid-b")));
        Assert.True(s.Has(Types.RunsOn, Uid(s, "pod-migrate"), Uid(s, "node-uid-b")));
        Assert.Equal(10, s.OfType(Types.RunsOn).Count());
    }

    [Fact]
    public void Transform_OwnerReferences_BecomeOwnsExceptScaledDownRevisionsAndUnlistedOwners()
    {
        var s = Cluster();

        Assert.True(s.Has(Types.Owns, Uid(s, "dep-checkout"), Uid(s, "rs-checkout-new")));
        Assert.False(s.Has(Types.Owns, Uid(s, "dep-checkout"), Uid(s, "rs-checkout-old")));
        Assert.True(s.Has(Types.Owns, Uid(s, "rs-checkout-new"), Uid(s, "pod-checkout-3")));
        Assert.True(s.Has(Types.Owns, Uid(s, "sts-postgres"), Uid(s, "pod-postgres-2")));
        Assert.True(s.Has(Types.Owns, Uid(s, "ds-kube-proxy"), Uid(s, "pod-kube-proxy-1")));
        Assert.DoesNotContain(s.OfType(Types.Owns), r => ScopeQueries.Refers(r.Target, Uid(s, "pod-migrate")));
    }

    [Fact]
    public void Transform_Workloads_MinHealthyFollowsReplicasAndMaxUnavailable()
    {
        var s = Cluster();

        Assert.Equal(1, Uid(s, "dep-checkout").MinHealthy);
        Assert.Equal(3, Uid(s, "rs-checkout-new").MinHealthy); // 4 replicas, the Deployment allows 1 unavailable.
        Assert.Null(Uid(s, "rs-checkout-old").MinHealthy);
        Assert.Equal(2, Uid(s, "sts-postgres").MinHealthy);
        Assert.Equal(1, Uid(s, "ds-kube-proxy").MinHealthy);
        Assert.Null(Uid(s, "pod-checkout-0").MinHealthy);
    }

    [Fact]
    public void Transform_ServicesAndIngresses_RouteBySelectorAndBackend()
    {
        var s = Cluster();
        var service = Uid(s, "svc-checkout");

        for (var i = 0; i < 4; i++) Assert.True(s.Has(Types.RoutesTo, service, Uid(s, $"pod-checkout-{i}")));
        Assert.False(s.Has(Types.RoutesTo, service, Uid(s, "pod-postgres-0")));
        Assert.True(s.Has(Types.RoutesTo, Uid(s, "ing-shop"), service));
        Assert.DoesNotContain(s.OfType(Types.RoutesTo), r => ScopeQueries.Refers(r.Source, Uid(s, "svc-kubernetes")));
        Assert.Equal(4 + 3 + 1, s.OfType(Types.RoutesTo).Count());
    }

    [Fact]
    public void Transform_ClusterAndNamespaces_ContainTheirObjects()
    {
        var s = Cluster();
        var cluster = s.ItemBy(Ids.K8sCluster, "prod-eu-1");

        Assert.True(s.Has(Types.Contains, cluster, Uid(s, "ns-shop-0001")));
        Assert.True(s.Has(Types.Contains, cluster, Uid(s, "node-uid-b")));
        Assert.True(s.Has(Types.Contains, Uid(s, "ns-shop-0001"), Uid(s, "pod-postgres-1")));
        Assert.True(s.Has(Types.Contains, Uid(s, "ns-kube-0002"), Uid(s, "ds-kube-proxy")));
    }

    [Fact]
    public void Transform_UnschedulableNode_IsInMaintenance()
    {
        var json = TestData.Read("Kubernetes", "cluster.json").Replace("\"podCIDR\": \"10.244.1.0/24\"", "\"podCIDR\": \"10.244.1.0/24\", \"unschedulable\": true", StringComparison.Ordinal);

        var s = KubernetesTransform.Transform(new KubernetesRaw("c", "c.json", json));

        Assert.Equal(CiStatus.Maintenance, Uid(s, "node-uid-b").Status);
        Assert.Null(Uid(s, "node-uid-a").Status);
    }

    [Theory]
    [InlineData("missing-uid.json", "items[7] (Pod shop/checkout-7d9c5b8f6d-ax2k) has no metadata.uid")]
    [InlineData("truncated.json", "not valid JSON")]
    public void Transform_MalformedListing_ThrowsNamingTheRecord(string file, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => KubernetesTransform.Transform(new KubernetesRaw("c", file, TestData.Read("Kubernetes", file))));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "not a kubectl List")]
    [InlineData("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"uid\":\"u\"}}", "not a kubectl List")]
    [InlineData("{\"items\":[{\"metadata\":{\"name\":\"p\",\"uid\":\"u\"}}]}", "items[0] has no kind")]
    [InlineData("{\"items\":[{\"kind\":\"Pod\",\"metadata\":{\"uid\":\"u\"}}]}", "has no metadata.name")]
    [InlineData("{\"items\":[{\"kind\":\"Node\",\"metadata\":{\"name\":\"a\",\"uid\":\"u\"}},{\"kind\":\"Node\",\"metadata\":{\"name\":\"b\",\"uid\":\"u\"}}]}", "repeats the uid u")]
    public void Transform_BrokenIdentity_Throws(string json, string expected)
    {
        var e = Assert.Throws<DiscoveryFormatException>(() => KubernetesTransform.Transform(new KubernetesRaw("c", "c.json", json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverAsync_BrokenClusterFile_FailsOnlyThatScope()
    {
        var source = new KubernetesSource(new KubernetesOptions
        {
            Clusters =
            [
                new KubernetesClusterInput { Name = "prod-eu-1", Path = TestData.PathOf("Kubernetes", "cluster.json") },
                new KubernetesClusterInput { Name = "prod-us-1", Path = TestData.PathOf("Kubernetes", "missing-uid.json") },
            ],
        });

        var batch = await source.DiscoverAsync(CancellationToken.None);

        Assert.True(batch.Scopes[0].Complete);
        Assert.False(batch.Scopes[1].Complete);
        Assert.Empty(batch.Scopes[1].Items);
        Assert.Contains("metadata.uid", batch.Scopes[1].Errors.Single(), StringComparison.Ordinal);
    }
}
