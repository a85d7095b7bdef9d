using System.Numerics;
using DualStack.Manifests.Planning;
using DualStack.Rules;
using DualStack.Rules.Net;
using static DualStack.Manifests.Tests.Planning.PlanTestHelper;

namespace DualStack.Manifests.Tests.Planning;

/// <summary>Plans whose every number was worked out by hand (the arithmetic is in the comments).</summary>
public sealed class HandCheckedPlanTests
{
    // The MicroK8s dual-stack launch configuration of the MicroK8s documentation (how-to-dual-stack).
    public const string MicroK8sDocs = """
        ---
        version: 0.1.0
        extraCNIEnv:
          IPv4_SUPPORT: true
          IPv4_CLUSTER_CIDR: 10.3.0.0/16
          IPv4_SERVICE_CIDR: 10.153.183.0/24
          IPv6_SUPPORT: true
          IPv6_CLUSTER_CIDR: fd02::/64
          IPv6_SERVICE_CIDR: fd99::/108
        extraSANs:
          - 10.153.183.1
        """;

    public const string KubeadmMask80 = """
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        networking:
          podSubnet: 10.244.0.0/16,fd00:10:244::/64
          serviceSubnet: 10.96.0.0/16,fd00:10:96::/112
        controllerManager:
          extraArgs:
          - name: node-cidr-mask-size-ipv6
            value: "80"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        localAPIEndpoint:
          advertiseAddress: 192.168.10.2
        nodeRegistration:
          kubeletExtraArgs:
          - name: node-ip
            value: 192.168.10.2,fd00:1::2
          - name: max-pods
            value: "250"
        """;

    private static readonly BigInteger TwoTo57 = BigInteger.One << 57;

    [Fact]
    public void MicroK8s_documentation_launch_configuration()
    {
        var plan = Plan(MicroK8sDocs, path: "microk8s.yaml");

        Assert.Equal(IpFamilies.DualStackIPv4Primary, plan.Families);
        Assert.Equal(new PlanSource("microk8s.yaml", 7, 17, "extraCNIEnv.IPv6_SUPPORT", false), plan.FamiliesSource);

        // IPv4: /16 = 65,536 addresses; Calico /26 blocks: 2^(26-16) = 1,024 blocks of 64; 110 pods need 2 blocks, so 512 nodes.
        var v4 = plan.Family(IpFamily.IPv4);
        Assert.True(v4.Primary);
        Assert.Equal("10.3.0.0/16", v4.Pods!.Ranges.Single().Cidr.ToString());
        Assert.Equal(65536, v4.Pods.TotalAddresses);
        Assert.Equal(PodAllocationMethod.CalicoBlock, v4.Pods.Allocation.Method);
        Assert.Equal(26, v4.Pods.Allocation.Mask);
        Assert.Equal(1024, v4.Pods.Allocation.NodeRanges);
        Assert.Equal(64, v4.Pods.Allocation.AddressesPerRange);
        Assert.Equal(110, v4.Pods.MaxPods);
        Assert.Null(v4.Pods.MaxPodsSource);
        Assert.Equal(110, v4.Pods.PodsPerNode);
        Assert.Equal(512, v4.Pods.Nodes);

        // IPv6: /64 in /122 blocks: 2^58 blocks of 64 addresses, 2 per node: 2^57 nodes.
        var v6 = plan.Family(IpFamily.IPv6);
        Assert.Equal(BigInteger.One << 64, v6.Pods!.TotalAddresses);
        Assert.Equal(122, v6.Pods.Allocation.Mask);
        Assert.Equal(BigInteger.One << 58, v6.Pods.Allocation.NodeRanges);
        Assert.Equal(TwoTo57, v6.Pods.Nodes);

        // Services: /24 = 256 addresses, the kubernetes Service at .1 (in extraSANs, so no DS3009); /108 = 2^20.
        Assert.Equal("10.153.183.0/24", v4.Service!.Range.Cidr.ToString());
        Assert.Equal(256, v4.Service.Range.Size);
        var kubernetes = Assert.Single(v4.Service.Taken);
        Assert.Equal((TakenPurpose.KubernetesService, "10.153.183.1", true, (string?)null), (kubernetes.Purpose, kubernetes.Address.ToString(), kubernetes.Inside, kubernetes.Rule));
        Assert.Equal(1048576, v6.Service!.Range.Size);
        Assert.Empty(v6.Service.Taken);
        Assert.False(v6.Service.Limit.Enforced);
        Assert.Equal(108, v6.Service.Limit.MinPrefix);

        Assert.Equal("10.153.183.1", Assert.Single(plan.Nodes.Sans).Name);
        Assert.Empty(plan.Overlaps);
    }

    [Fact]
    public void MicroK8s_ipv6_service_range_at_the_limit_is_accepted_by_1_33()
    {
        var limit = Plan(MicroK8sDocs, "1.33").Family(IpFamily.IPv6).Service!.Limit;

        // fd99::/108 has exactly 20 host bits: the largest range the 1.33 allocator takes.
        Assert.True(limit.Enforced);
        Assert.Equal("kube-apiserver up to 1.33", limit.EnforcedBy);
        Assert.False(limit.TooLarge);
    }

    [Fact]
    public void Kubeadm_dual_stack_with_a_64_pod_range_and_node_mask_80()
    {
        var plan = Plan(KubeadmMask80);

        // IPv4: /16 cut at the default /24: 256 node ranges of 256 addresses, 254 for pods; maxPods 250 binds.
        var v4 = plan.Family(IpFamily.IPv4).Pods!;
        Assert.Equal(PodAllocationMethod.NodeCidr, v4.Allocation.Method);
        Assert.Equal(24, v4.Allocation.Mask);
        Assert.Null(v4.Allocation.MaskSource);
        Assert.Equal(256, v4.Allocation.NodeRanges);
        Assert.Equal(256, v4.Allocation.AddressesPerRange);
        Assert.Equal(254, v4.Allocation.UsablePerRange);
        Assert.Equal(250, v4.MaxPods);
        Assert.Equal("nodeRegistration.kubeletExtraArgs[1].value", v4.MaxPodsSource!.Field);
        Assert.Equal(250, v4.PodsPerNode);
        Assert.Equal(PodLimit.MaxPods, v4.BindingLimit);
        Assert.Equal(256, v4.Nodes);

        // IPv6: /64 cut at /80: 2^16 = 65,536 node ranges of 2^48 addresses; 16 bits apart is kubeadm's maximum.
        var v6 = plan.Family(IpFamily.IPv6).Pods!;
        Assert.Equal(80, v6.Allocation.Mask);
        Assert.Equal("controllerManager.extraArgs[0].value", v6.Allocation.MaskSource!.Field);
        Assert.Equal(65536, v6.Allocation.NodeRanges);
        Assert.Equal(BigInteger.One << 48, v6.Allocation.AddressesPerRange);
        Assert.Null(v6.Allocation.Problem);
        Assert.Equal(65536, v6.Nodes);
        Assert.Equal(250, v6.PodsPerNode);

        // Services: kubeadm limits both (20 host bits); kubernetes at .1 and kubeadm's DNS at the 10th address.
        var service = plan.Family(IpFamily.IPv4).Service!;
        Assert.True(service.Limit.Enforced);
        Assert.Equal(10, service.Limit.MinAddresses);
        Assert.Equal(["10.96.0.1", "10.96.0.10"], service.Taken.Select(t => t.Address.ToString()));
        Assert.Equal(65536, plan.Family(IpFamily.IPv6).Service!.Range.Size);
        Assert.True(plan.Family(IpFamily.IPv6).Service!.Limit.Enforced);

        Assert.Equal(["192.168.10.2", "fd00:1::2"], plan.Nodes.NodeIps.Select(n => n.Address.ToString()));
        Assert.Equal("192.168.10.2", Assert.Single(plan.Nodes.AdvertiseAddresses).Address.ToString());
        Assert.Empty(plan.Overlaps);
    }

    [Fact]
    public void Kubeadm_node_mask_81_is_17_bits_from_the_64_and_admits_no_node()
    {
        var plan = Plan(KubeadmMask80.Replace("value: \"80\"", "value: \"81\""));

        var v6 = plan.Family(IpFamily.IPv6).Pods!;
        Assert.Equal(RuleIds.PodRangeVsNodeMask, v6.Allocation.Rule);
        Assert.Equal(0, v6.Nodes);
        Assert.Contains("more than 16 bits apart", v6.Allocation.Problem);
    }

    [Fact]
    public void Kubeadm_max_pods_above_the_node_range_makes_the_node_range_bind()
    {
        var v4 = Plan(KubeadmMask80.Replace("value: \"250\"", "value: \"300\"")).Family(IpFamily.IPv4).Pods!;

        // A /24 holds 254 pod addresses < 300.
        Assert.Equal(254, v4.PodsPerNode);
        Assert.Equal(PodLimit.NodeRange, v4.BindingLimit);
    }

    [Fact]
    public void Kind_dual_stack_defaults()
    {
        var plan = Plan("""
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            networking:
              ipFamily: dual
            """);

        Assert.Equal(IpFamilies.DualStackIPv4Primary, plan.Families);
        var v4 = plan.Family(IpFamily.IPv4);
        var v6 = plan.Family(IpFamily.IPv6);

        // 10.244.0.0/16 at /24: 256 × 256; fd00:10:244::/56 at /64: 256 × 2^64.
        Assert.Equal("10.244.0.0/16", v4.Pods!.Ranges.Single().Cidr.ToString());
        Assert.True(v4.Pods.Ranges.Single().Source!.IsDefault);
        Assert.Equal(256, v4.Pods.Nodes);
        Assert.Equal("fd00:10:244::/56", v6.Pods!.Ranges.Single().Cidr.ToString());
        Assert.Equal(256, v6.Pods.Allocation.NodeRanges);
        Assert.Equal(BigInteger.One << 64, v6.Pods.Allocation.AddressesPerRange);

        // 10.96.0.0/16 and fd00:10:96::/112: 65,536 each; kind hands kubeadm's 10th address to kubelet.
        Assert.Equal(65536, v4.Service!.Range.Size);
        Assert.Equal(65536, v6.Service!.Range.Size);
        Assert.Equal(["10.96.0.1", "10.96.0.10"], v4.Service.Taken.Select(t => t.Address.ToString()));
        Assert.Empty(plan.Overlaps);
    }

    [Fact]
    public void K3s_flags_with_a_64_ipv6_service_range_break_the_limit_up_to_1_33_only()
    {
        const string k3s = """
            cluster-cidr: 10.42.0.0/16,fd00:42::/56
            service-cidr: 10.43.0.0/16,fd00:43::/64
            """;

        var old = Plan(k3s, "1.33", "config.yaml").Family(IpFamily.IPv6).Service!;
        Assert.True(old.Limit.TooLarge);
        Assert.Equal(108, old.Limit.MinPrefix);
        Assert.Equal(RuleIds.RangeSize, old.Limit.Rule);
        Assert.False(Plan(k3s, "1.33", "config.yaml").Family(IpFamily.IPv4).Service!.Limit.TooLarge);

        var current = Plan(k3s, "1.36", "config.yaml");
        Assert.False(current.Family(IpFamily.IPv6).Service!.Limit.TooLarge);

        // k3s gives pods the 10th address of each service range; its controller manager cuts /24 and /64 node ranges.
        Assert.Equal("fd00:43::a", current.Family(IpFamily.IPv6).Service!.Taken.Single().Address.ToString());
        Assert.Equal(["10.43.0.1", "10.43.0.10"], current.Family(IpFamily.IPv4).Service!.Taken.Select(t => t.Address.ToString()));
        Assert.Equal(256, current.Family(IpFamily.IPv6).Pods!.Nodes);
    }

    [Fact]
    public void K3s_ipv6_only_service_range_of_4_addresses_is_too_small_and_has_no_10th_address()
    {
        var plan = Plan("""
            cluster-cidr: fd00:42::/56
            service-cidr: fd00:43::/126
            """, path: "config.yaml");

        Assert.Equal(IpFamilies.IPv6Only, plan.Families);
        var service = plan.Family(IpFamily.IPv6).Service!;
        Assert.Equal(4, service.Range.Size);
        Assert.True(service.Limit.TooSmall);
        Assert.Equal(8, service.Limit.MinAddresses);
        var dns = service.Taken.Single(t => t.Purpose == TakenPurpose.ClusterDns);
        Assert.Equal("fd00:43::a", dns.Address.ToString());
        Assert.False(dns.Inside);
    }

    [Fact]
    public void IPv4_only_kubeadm_plan_with_the_default_service_subnet()
    {
        var plan = Plan("""
            apiVersion: kubeadm.k8s.io/v1beta3
            kind: ClusterConfiguration
            networking:
              podSubnet: 10.244.0.0/16
            """);

        Assert.Equal(IpFamilies.IPv4Only, plan.Families);
        var v4 = Assert.Single(plan.FamilyPlans);
        Assert.Equal(256, v4.Pods!.Nodes);

        // The default 10.96.0.0/12 has exactly 2^20 addresses: kubeadm's largest.
        Assert.Equal("10.96.0.0/12", v4.Service!.Range.Cidr.ToString());
        Assert.True(v4.Service.Range.Source!.IsDefault);
        Assert.Equal(1048576, v4.Service.Range.Size);
        Assert.False(v4.Service.Limit.TooLarge);
        Assert.Equal(["10.96.0.1", "10.96.0.10"], v4.Service.Taken.Select(t => t.Address.ToString()));
    }

    [Fact]
    public void No_cluster_configuration_gives_no_plan()
    {
        var run = Run("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ports: [{port: 80}]}
            """);

        Assert.Null(run.Plan);
        Assert.Equal(1, run.Documents);
    }

    [Fact]
    public void Broken_yaml_gives_the_loading_finding_lint_gives()
    {
        var run = Run("version: 0.1.0\nextraCNIEnv: [\n", path: "microk8s.yaml");

        Assert.Equal(RuleIds.YamlSyntaxError, Assert.Single(run.InputFindings).RuleId);
    }
}
