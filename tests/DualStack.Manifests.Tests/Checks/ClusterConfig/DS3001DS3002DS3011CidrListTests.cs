namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3001 (lists parse), DS3002 (sizes) and DS3011 (special-purpose ranges) across formats.</summary>
public sealed class DS3001DS3002DS3011CidrListTests
{
    private static string Kubeadm(string pod, string service) => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        networking:
          podSubnet: {pod}
          serviceSubnet: {service}
        """;

    [Fact]
    public void A_correct_dual_stack_kubeadm_configuration_is_clean() =>
        Assert.Empty(ConfigLint.Lint(Kubeadm("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112")));

    [Theory]
    [InlineData("10.244.0.0/16, fd00:10:244::/56", "DS3001 4:29 networking.podSubnet")]
    [InlineData("10.244.0.0/16,fd00:10:244::/56,fd00:11::/56", "DS3001 4:45 networking.podSubnet")]
    [InlineData("10.244.0.0/16,10.245.0.0/16", "DS3001 4:28 networking.podSubnet")]
    [InlineData("10.244.0.0/16,fd00:10:244::/569", "DS3001 4:28 networking.podSubnet")]
    [InlineData("10.244.0.0/16,", "DS3001 4:28 networking.podSubnet")]
    [InlineData("\"10.244.0.0/16, fd00:10:244::/56\"", "DS3001 4:30 networking.podSubnet")]
    [InlineData("10.244.1.0/16", "DS3001 4:14 networking.podSubnet")]
    [InlineData("''", "DS3001 4:14 networking.podSubnet")]
    public void Malformed_pod_lists_are_DS3001_at_the_item(string pod, string expected) =>
        Assert.Equal([expected], ConfigLint.Describe(Kubeadm(pod, "10.96.0.0/16"), "DS3001"));

    [Fact]
    public void The_space_message_names_the_tool_and_the_fixed_list()
    {
        var finding = Assert.Single(ConfigLint.Lint(Kubeadm("10.244.0.0/16, fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112")), f => f.RuleId == "DS3001");
        Assert.Equal("\"10.244.0.0/16, fd00:10:244::/56\" has a space after the comma; kubeadm splits the list on \",\" without trimming, so \" fd00:10:244::/56\" is not a valid CIDR; write \"10.244.0.0/16,fd00:10:244::/56\"", finding.Message);
        Assert.Equal("kubeadm ClusterConfiguration", finding.Object);
        Assert.Equal(Rules.Severity.Error, finding.Severity);
    }

    [Fact]
    public void Host_bits_are_a_warning_naming_the_masked_range()
    {
        var finding = Assert.Single(ConfigLint.Lint(Kubeadm("10.244.1.0/16", "10.96.0.0/16")), f => f.RuleId == "DS3001");
        Assert.Equal(Rules.Severity.Warning, finding.Severity);
        Assert.Contains("10.244.0.0/16", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.96.0.0/16,fd00:10:96::/64", "DS3002 5:31 networking.serviceSubnet")]
    [InlineData("10.0.0.0/8", "DS3002 5:18 networking.serviceSubnet")]
    [InlineData("10.96.0.0/29", "DS3002 5:18 networking.serviceSubnet")]
    public void Kubeadm_service_subnet_limits_apply_whatever_the_version(string service, string expected)
    {
        Assert.Equal([expected], ConfigLint.Describe(Kubeadm("10.244.0.0/16", service), "DS3002", version: "1.36"));
    }

    [Fact]
    public void Kubeadm_pod_subnet_minimum_is_14_addresses()
    {
        var finding = Assert.Single(ConfigLint.Lint(Kubeadm("10.244.0.0/29", "10.96.0.0/16")), f => f.RuleId == "DS3002");
        Assert.Equal("subnet with 8 address(es) is too small, the minimum is 14 (\"10.244.0.0/29\")", finding.Message);
        Assert.Empty(ConfigLint.Describe(Kubeadm("10.244.0.0/24", "10.96.0.0/28"), "DS3002"));
    }

    [Theory]
    [InlineData("1.33", 1)]
    [InlineData("1.34", 0)]
    public void The_API_server_limit_of_20_host_bits_applies_up_to_1_33(string version, int count)
    {
        var yaml = "service-cidr: 10.43.0.0/16,fd00:43::/64\ncluster-cidr: 10.42.0.0/16,fd00:42::/56\n";
        var found = ConfigLint.Describe(yaml, "DS3002", "config.yaml", version);
        Assert.Equal(count, found.Count);
        if (count == 1)
        {
            Assert.Equal("DS3002 1:28 service-cidr", found[0]);
            var message = ConfigLint.Lint(yaml, version: version).Single(f => f.RuleId == "DS3002").Message;
            Assert.StartsWith("specified --service-cluster-ip-range[1] is too large; for 128-bit addresses, the mask must be >= 108", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_primary_service_range_needs_8_addresses()
    {
        var yaml = "service-cidr: 10.43.0.0/30\ncluster-cidr: 10.42.0.0/16\n";
        Assert.Equal(["DS3002 1:15 service-cidr"], ConfigLint.Describe(yaml, "DS3002"));
        Assert.Empty(ConfigLint.Describe("service-cidr: 10.43.0.0/29\ncluster-cidr: 10.42.0.0/16\n", "DS3002"));
    }

    [Theory]
    [InlineData("fd00:10:244::/56", null)]
    [InlineData("2001:db8:1::/56", "DS3011 4:28 networking.podSubnet")]
    [InlineData("fe80::/56", "DS3011 4:28 networking.podSubnet")]
    [InlineData("fec0::/56", "DS3011 4:28 networking.podSubnet")]
    [InlineData("fc00:1::/56", "DS3011 4:28 networking.podSubnet")]
    public void Special_purpose_IPv6_ranges_are_DS3011(string v6, string? expected)
    {
        var found = ConfigLint.Describe(Kubeadm("10.244.0.0/16," + v6, "10.96.0.0/16,fd00:10:96::/112"), "DS3011");
        Assert.Equal(expected is null ? [] : [expected], found);
    }

    [Fact]
    public void Link_local_is_a_warning_and_documentation_ranges_are_info()
    {
        var findings = ConfigLint.Lint(Kubeadm("169.254.0.0/16", "192.0.2.0/24"));
        Assert.Equal(Rules.Severity.Warning, findings.Single(f => f.RuleId == "DS3011" && f.Field == "networking.podSubnet").Severity);
        Assert.Equal(Rules.Severity.Info, findings.Single(f => f.RuleId == "DS3011" && f.Field == "networking.serviceSubnet").Severity);
    }

    [Fact]
    public void Kube_proxy_cluster_CIDR_is_checked_too()
    {
        var yaml = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16,10.245.0.0/16\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3001");
        Assert.Equal(("KubeProxyConfiguration", "clusterCIDR", 3, 28), (finding.Object, finding.Field, finding.Line, finding.Column));
        Assert.Empty(ConfigLint.Lint("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16,fd00:10:244::/56\n"));
    }

    [Fact]
    public void Cilium_pool_lists_are_checked_per_item_with_the_family_their_key_expects()
    {
        var yaml = """
            ipv6:
              enabled: true
            ipam:
              operator:
                clusterPoolIPv4PodCIDRList: ["10.0.0.0/8"]
                clusterPoolIPv6PodCIDRList:
                  - 10.1.0.0/16
            """;
        Assert.Equal(["DS3001 7:9 ipam.operator.clusterPoolIPv6PodCIDRList[0]"], ConfigLint.Describe(yaml, "DS3001", "cilium-values.yaml"));
    }
}
