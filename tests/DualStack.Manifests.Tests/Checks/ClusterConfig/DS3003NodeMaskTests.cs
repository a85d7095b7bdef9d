namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3003: pod ranges against node masks (kubeadm, kind, k3s, MicroK8s with allocation on, Cilium).</summary>
public sealed class DS3003NodeMaskTests
{
    private static string Kubeadm(string pod, string extraArgs = "") => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        networking:
          podSubnet: {pod}
          serviceSubnet: 10.96.0.0/16,fd00:10:96::/112
        {extraArgs}
        """;

    [Theory]
    [InlineData("10.244.0.0/16,fd00:10:244::/48")]
    [InlineData("10.244.0.0/16,fd00:10:244::/56")]
    [InlineData("10.0.0.0/8,fd00:10:244::/60")]
    public void Pod_subnets_within_the_window_are_clean(string pod) =>
        Assert.Empty(ConfigLint.Describe(Kubeadm(pod), "DS3003"));

    [Theory]
    [InlineData("10.244.0.0/16,fd00:10:244::/32", "DS3003 4:28 networking.podSubnet", "pod subnet mask (32) and node-mask (64) difference is greater than 16")]
    [InlineData("10.0.0.0/7,fd00:10:244::/56", "DS3003 4:14 networking.podSubnet", "pod subnet mask (7) and node-mask (24) difference is greater than 16")]
    [InlineData("10.244.0.0/25,fd00:10:244::/56", "DS3003 4:14 networking.podSubnet", "the size of pod subnet with mask 25 is smaller than the size of node subnet with mask 24")]
    [InlineData("10.244.0.0/16,fd00:10:244::/72", "DS3003 4:28 networking.podSubnet", "the size of pod subnet with mask 72 is smaller than the size of node subnet with mask 64")]
    public void Kubeadm_limits_apply_to_both_families(string pod, string expected, string message)
    {
        Assert.Equal([expected], ConfigLint.Describe(Kubeadm(pod), "DS3003"));
        Assert.StartsWith(message, ConfigLint.Lint(Kubeadm(pod)).Single(f => f.RuleId == "DS3003").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_masks_come_from_controller_manager_extra_args_in_both_shapes()
    {
        var v1beta4 = Kubeadm("10.244.0.0/16,fd00:10:244::/56", "controllerManager:\n  extraArgs:\n  - name: node-cidr-mask-size-ipv6\n    value: \"80\"\n");
        var finding = Assert.Single(ConfigLint.Lint(v1beta4), f => f.RuleId == "DS3003");
        Assert.Equal((4, 28, "networking.podSubnet"), (finding.Line, finding.Column, finding.Field));
        Assert.Contains("node-mask (80)", finding.Message, StringComparison.Ordinal);

        var v1beta3 = v1beta4.Replace("v1beta4", "v1beta3", StringComparison.Ordinal)
            .Replace("  - name: node-cidr-mask-size-ipv6\n    value: \"80\"", "    node-cidr-mask-size-ipv6: \"73\"", StringComparison.Ordinal);
        Assert.Equal(["DS3003 4:28 networking.podSubnet"], ConfigLint.Describe(v1beta3, "DS3003"));
    }

    [Fact]
    public void No_check_when_node_CIDR_allocation_is_off()
    {
        var yaml = Kubeadm("10.244.0.0/16,fd00:10:244::/32", "controllerManager:\n  extraArgs:\n  - name: allocate-node-cidrs\n    value: \"false\"\n");
        Assert.Empty(ConfigLint.Describe(yaml, "DS3003"));
    }

    [Fact]
    public void The_single_mask_flag_is_refused_on_dual_stack()
    {
        var yaml = Kubeadm("10.244.0.0/16,fd00:10:244::/56", "controllerManager:\n  extraArgs:\n  - name: node-cidr-mask-size\n    value: \"24\"\n");
        Assert.Equal(["DS3003 9:13 controllerManager.extraArgs[0].value"], ConfigLint.Describe(yaml, "DS3003"));
    }

    [Fact]
    public void A_pod_range_equal_to_the_node_mask_warns_that_only_one_node_fits()
    {
        var yaml = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n  podSubnet: \"192.168.0.0/16,fd00:10:244::/64\"\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3003");
        Assert.Equal((5, 30, "networking.podSubnet", Rules.Severity.Warning, "kind Cluster"), (finding.Line, finding.Column, finding.Field, finding.Severity, finding.Object));
    }

    [Fact]
    public void K3s_controller_manager_args_set_the_IPv6_mask_and_only_IPv6_has_the_16_bit_limit()
    {
        var ok = "cluster-cidr: 10.42.0.0/16,2001:cafe:42::/96\nservice-cidr: 10.43.0.0/16,2001:cafe:43::/112\nkube-controller-manager-arg:\n  - --node-cidr-mask-size-ipv6=112\n";
        Assert.Empty(ConfigLint.Describe(ok, "DS3003"));
        var bad = ok.Replace("/96", "/80", StringComparison.Ordinal);
        var finding = Assert.Single(ConfigLint.Lint(bad), f => f.RuleId == "DS3003");
        Assert.Equal((1, 28, "cluster-cidr"), (finding.Line, finding.Column, finding.Field));
        Assert.StartsWith("New CIDR set failed; the node CIDR size is too big", finding.Message, StringComparison.Ordinal);
        Assert.Empty(ConfigLint.Describe("cluster-cidr: 10.0.0.0/4\nservice-cidr: 10.43.0.0/16\n", "DS3003"));
    }

    [Fact]
    public void Cilium_pool_and_mask_size()
    {
        var yaml = "ipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDRList: [\"fd00:1::/96\"]\n    clusterPoolIPv6MaskSize: 120\n";
        Assert.Equal(["DS3003 5:35 ipam.operator.clusterPoolIPv6PodCIDRList[0]"], ConfigLint.Describe(yaml, "DS3003", "values.yaml"));
        Assert.Empty(ConfigLint.Describe(yaml.Replace("/96", "/104", StringComparison.Ordinal), "DS3003", "values.yaml"));
    }
}

/// <summary>Mask values that are not integers name their flag.</summary>
public sealed class NodeMaskParseTests
{
    [Fact]
    public void A_non_integer_kubeadm_mask_names_the_flag()
    {
        var yaml = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16,fd00:10:244::/56\ncontrollerManager:\n  extraArgs:\n  - name: node-cidr-mask-size-ipv6\n    value: sixty-four\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3003");
        Assert.Equal((8, 12, "controllerManager.extraArgs[0].value"), (finding.Line, finding.Column, finding.Field));
        Assert.Equal("could not parse the value of the kube-controller-manager flag node-cidr-mask-size-ipv6: \"sixty-four\" is not an integer", finding.Message);
    }
}
