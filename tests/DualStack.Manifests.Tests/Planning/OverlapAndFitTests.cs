using DualStack.Manifests.Planning;
using DualStack.Rules;
using DualStack.Rules.Net;
using static DualStack.Manifests.Tests.Planning.PlanTestHelper;

namespace DualStack.Manifests.Tests.Planning;

/// <summary>Overlaps with their rules, and the <c>--nodes</c> / <c>--pods-per-node</c> verdicts with their numbers.</summary>
public sealed class OverlapAndFitTests
{
    [Fact]
    public void Service_range_inside_the_pod_range_is_DS3004_reported_by_lint()
    {
        var plan = Plan("""
            cluster-cidr: 10.42.0.0/16
            service-cidr: 10.42.128.0/20
            """, path: "config.yaml");

        var overlap = Assert.Single(plan.Overlaps);
        Assert.Equal((PlanRangeRole.Service, PlanRangeRole.Pod, OverlapRelation.Within), (overlap.First.Role, overlap.Second.Role, overlap.Relation));
        Assert.Equal(RuleIds.OverlappingRanges, overlap.Rule);
        Assert.True(overlap.ReportedByLint);
        Assert.False(overlap.Expected);
    }

    [Fact]
    public void Docker_bridge_and_documentation_ranges_are_marked_with_their_rules()
    {
        var plan = Plan("""
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            networking:
              podSubnet: 172.16.0.0/12,2001:db8:42::/56
              serviceSubnet: 10.96.0.0/16,fd00:10:96::/112
            """);

        var docker = plan.Overlaps.Single(o => o.Second.Name?.StartsWith("Docker", StringComparison.Ordinal) == true);
        Assert.Equal(("172.16.0.0/12", OverlapRelation.Contains, RuleIds.OverlappingRanges, true), (docker.First.Cidr.ToString(), docker.Relation, docker.Rule, docker.ReportedByLint));
        var documentation = plan.Overlaps.Single(o => o.First.Family == IpFamily.IPv6);
        Assert.Equal(("2001:db8::/32", RuleIds.SpecialPurposeRange, true), (documentation.Second.Cidr.ToString(), documentation.Rule, documentation.ReportedByLint));
    }

    [Fact]
    public void Overlap_of_two_defaults_is_marked_but_lint_stays_silent()
    {
        // kubeadm's default service subnet 10.96.0.0/12 against a Cilium pool left at its default 10.0.0.0/8.
        var kubeadm = SourceFile.FromText("kubeadm.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n");
        var cilium = SourceFile.FromText("cilium-values.yaml", "ipam:\n  mode: cluster-pool\nkubeProxyReplacement: true\n");
        var plan = AddressPlanner.Plan([kubeadm, cilium], PlanTestHelper.Configuration(null)).Plan!;

        var overlap = plan.Overlaps.Single(o => o.Rule == RuleIds.OverlappingRanges);
        Assert.False(overlap.ReportedByLint);
    }

    [Fact]
    public void Link_local_node_ip_is_DS3006_and_a_node_ip_inside_the_pod_range_has_no_rule()
    {
        var plan = Plan("""
            cluster-cidr: 10.42.0.0/16
            node-ip: 169.254.3.4
            """, path: "config.yaml");

        var linkLocal = plan.Overlaps.Single(o => o.First.Role == PlanRangeRole.NodeAddress && o.Second.Role == PlanRangeRole.WellKnown);
        Assert.Equal(RuleIds.InvalidNodeIp, linkLocal.Rule);

        var inside = Plan("cluster-cidr: 10.42.0.0/16\nnode-ip: 10.42.7.1\n", path: "config.yaml").Overlaps.Single();
        Assert.Equal((PlanRangeRole.NodeAddress, PlanRangeRole.Pod, (string?)null), (inside.First.Role, inside.Second.Role, inside.Rule));
    }

    [Fact]
    public void Calico_pool_inside_the_pod_range_is_an_expected_containment()
    {
        var kind = SourceFile.FromText("kind.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  podSubnet: 10.244.0.0/16\n");
        var pool = SourceFile.FromText("pool.yaml", "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata: {name: p}\nspec:\n  cidr: 10.244.64.0/18\n");
        var overlap = AddressPlanner.Plan([kind, pool], PlanTestHelper.Configuration(null)).Plan!.Overlaps.Single();

        Assert.Equal((OverlapRelation.Contains, true, (string?)null), (overlap.Relation, overlap.Expected, overlap.Rule));
    }

    [Fact]
    public void Three_hundred_nodes_do_not_fit_a_16_cut_at_24()
    {
        var plan = Plan("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n");

        var fit = AddressPlanner.Fit(plan, nodes: 300, podsPerNode: null);

        // 2^(24-16) = 256 < 300; 300 ≤ 2^9, so /15 holds 512 ranges of /24, or /25 ranges (126 pod addresses ≥ 110) fit /16.
        Assert.False(fit.Fits);
        Assert.Equal(110, fit.PodsPerNode);
        var v4 = Assert.Single(fit.Families);
        Assert.Equal((FitLimit.NodeRanges, 256), (v4.Binding, (int)v4.NodeCapacity));
        Assert.Equal(["/16 holds 256 node ranges of /24; use a /15 pod range (512 node ranges) or a longer node mask /25 (126 pod addresses per node)"], v4.Changes);
    }

    [Fact]
    public void Three_hundred_pods_per_node_need_a_23_node_mask_and_a_higher_maxPods()
    {
        var plan = Plan("apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n");

        var fit = AddressPlanner.Fit(plan, nodes: 100, podsPerNode: 300);

        // 300 + 2 addresses need 2^9: node mask /23, of which a /16 holds 128 ≥ 100.
        var v4 = Assert.Single(fit.Families);
        Assert.False(v4.Fits);
        Assert.Equal(FitLimit.MaxPods, v4.Binding);
        Assert.Equal(
            ["raise kubelet maxPods from 110 to 300 (--max-pods)", "a /24 node range gives 254 pod addresses; use node mask /23 (512 addresses per node)"],
            v4.Changes);
    }

    [Fact]
    public void Plan_that_fits_names_the_limit_closest_to_its_end()
    {
        var plan = Plan(HandCheckedPlanTests.KubeadmMask80);

        var fit = AddressPlanner.Fit(plan, nodes: 200, podsPerNode: 100);

        // IPv4: 200 of 256 node ranges (78 %) is closer to the end than 100 of 250 maxPods (40 %).
        Assert.True(fit.Fits);
        Assert.Equal(FitLimit.NodeRanges, fit.Families.Single(f => f.Family == IpFamily.IPv4).Binding);
        Assert.Equal(FitLimit.MaxPods, fit.Families.Single(f => f.Family == IpFamily.IPv6).Binding);
    }

    [Fact]
    public void Six_hundred_MicroK8s_nodes_need_a_15_pool_of_calico_blocks()
    {
        var plan = Plan(HandCheckedPlanTests.MicroK8sDocs, path: "microk8s.yaml");

        var fit = AddressPlanner.Fit(plan, nodes: 600, podsPerNode: null);

        // 110 pods take 2 blocks of 64: 600 nodes need 1,200 blocks ≤ 2^11, so /(26 - 11) = /15.
        var v4 = fit.Families.Single(f => f.Family == IpFamily.IPv4);
        Assert.Equal(512, (int)v4.NodeCapacity);
        Assert.Equal(["/16 holds 1,024 Calico blocks of /26, 2 per node for 110 pods; use a /15 pod range (2,048 blocks)"], v4.Changes);
        Assert.True(fit.Families.Single(f => f.Family == IpFamily.IPv6).Fits);
    }
}

/// <summary>What else the plan reads: ServiceCIDR objects among manifests, k3s defaults, several files.</summary>
public sealed class PlanInputTests
{
    [Fact]
    public void ServiceCidr_objects_add_service_ranges_and_other_manifests_are_ignored()
    {
        var kind = SourceFile.FromText("kind.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n");
        var manifests = SourceFile.FromText("extra.yaml", """
            apiVersion: networking.k8s.io/v1
            kind: ServiceCIDR
            metadata: {name: extra}
            spec:
              cidrs: [10.97.0.0/16, "fd00:10:244::/112"]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ports: [{port: 80}], clusterIP: 10.96.0.20}
            """);
        var plan = AddressPlanner.Plan([kind, manifests], PlanTestHelper.Configuration(null)).Plan!;

        var v4 = plan.Family(IpFamily.IPv4).Service!;
        Assert.Equal("10.96.0.0/16", v4.Range.Cidr.ToString());
        var extra = Assert.Single(v4.ExtraRanges);
        Assert.Equal(("10.97.0.0/16", "ServiceCIDR/extra", "spec.cidrs[0]", 5), (extra.Cidr.ToString(), extra.Name, extra.Source!.Field, extra.Source.Line));

        // The IPv6 ServiceCIDR lies inside kind's default IPv6 pod range fd00:10:244::/56: marked, no lint rule.
        var overlap = plan.Overlaps.Single();
        Assert.Equal((PlanRangeRole.ExtraService, PlanRangeRole.Pod, OverlapRelation.Within, (string?)null), (overlap.First.Role, overlap.Second.Role, overlap.Relation, overlap.Rule));
        Assert.Equal(["kind.yaml"], plan.Sources);
    }

    [Fact]
    public void K3s_default_ranges_are_cut_by_the_controller_manager_defaults()
    {
        var pods = Plan("node-ip: 10.0.0.5\n", path: "config.yaml").Family(IpFamily.IPv4).Pods!;

        // 10.42.0.0/16 at /24: 256 nodes.
        Assert.Equal("10.42.0.0/16", pods.Ranges.Single().Cidr.ToString());
        Assert.Equal((PodAllocationMethod.NodeCidr, 24, 256), (pods.Allocation.Method, pods.Allocation.Mask, (int)pods.Nodes));
    }

    [Fact]
    public void The_first_file_that_defines_the_ranges_defines_them_as_in_lint()
    {
        var first = SourceFile.FromText("a/config.yaml", "cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n");
        var second = SourceFile.FromText("b/config.yaml", "cluster-cidr: 10.50.0.0/16\nservice-cidr: 10.51.0.0/16\nnode-ip: 10.0.0.6\n");
        var plan = AddressPlanner.Plan([first, second], PlanTestHelper.Configuration(null)).Plan!;

        Assert.Equal("10.42.0.0/16", plan.Family(IpFamily.IPv4).Pods!.Ranges.Single().Cidr.ToString());
        Assert.Equal("10.0.0.6", plan.Nodes.NodeIps.Single().Address.ToString());
        Assert.Equal(["a/config.yaml", "b/config.yaml"], plan.Sources);
    }
}
