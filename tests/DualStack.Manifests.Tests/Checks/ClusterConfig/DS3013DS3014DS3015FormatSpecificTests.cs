namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3013 (ignored keys), DS3014 (family switches vs ranges: kind, Cilium) and DS3015 (kubeadm versions and shapes).</summary>
public sealed class DS3013DS3014DS3015FormatSpecificTests
{
    private static string Kind(string networking) => "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n" + networking;

    [Theory]
    [InlineData("  ipFamily: dual\n", null)]
    [InlineData("  ipFamily: ipv6\n  podSubnet: fd00:10:244::/56\n", null)]
    [InlineData("  ipFamily: Dual\n", "DS3014 4:13 networking.ipFamily")]
    [InlineData("  ipFamily: ipv4\n  podSubnet: 10.244.0.0/16,fd00:10:244::/56\n", "DS3014 5:28 networking.podSubnet")]
    [InlineData("  ipFamily: ipv6\n  serviceSubnet: 10.96.0.0/16\n", "DS3014 5:18 networking.serviceSubnet")]
    [InlineData("  podSubnet: fd00:10:244::/56\n", "DS3014 4:14 networking.podSubnet")]
    [InlineData("  ipFamily: dual\n  podSubnet: 10.244.0.0/16\n", "DS3014 5:14 networking.podSubnet")]
    public void Kind_ip_family_against_the_subnets(string networking, string? expected)
    {
        var findings = ConfigLint.Lint(Kind(networking)).Where(f => f.RuleId == "DS3014").ToList();
        Assert.Equal(expected is null ? [] : [expected], findings.Describe());
        Assert.All(findings, f => Assert.Equal("kind Cluster", f.Object));
    }

    [Fact]
    public void Kind_dual_with_a_single_CIDR_is_only_a_warning()
    {
        var finding = ConfigLint.Lint(Kind("  ipFamily: dual\n  podSubnet: 10.244.0.0/16\n")).Single(f => f.RuleId == "DS3014");
        Assert.Equal(Rules.Severity.Warning, finding.Severity);
        Assert.Contains("no IPv6 pod subnet", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipam:\n  clusterPoolIPv4PodCIDRList: [\"10.0.0.0/8\"]\n", "DS3013 2:3 ipam.clusterPoolIPv4PodCIDRList")]
    [InlineData("k8s:\n  clusterPoolIPv6PodCIDRList: [\"fd00::/104\"]\n", "DS3013 2:3 k8s.clusterPoolIPv6PodCIDRList")]
    [InlineData("clusterPoolIPv4MaskSize: 24\n", "DS3013 1:1 clusterPoolIPv4MaskSize")]
    [InlineData("ipam:\n  operator:\n    clusterPoolIPv4PodCIDRList: [\"10.0.0.0/8\"]\n", null)]
    public void Cilium_pool_keys_at_the_wrong_level(string extra, string? expected)
    {
        var yaml = "kubeProxyReplacement: true\nipv4:\n  enabled: true\n" ;
        var findings = ConfigLint.Lint(extra + yaml, "cilium-values.yaml").Where(f => f.RuleId == "DS3013").ToList();
        Assert.Equal(expected is null ? [] : [expected], findings.Describe());
        Assert.All(findings, f => Assert.Equal("Cilium Helm values", f.Object));
    }

    [Fact]
    public void Cilium_family_switches()
    {
        Assert.Equal(["DS3014 2:12 ipv4.enabled"], ConfigLint.Describe("ipv4:\n  enabled: false\nipv6:\n  enabled: false\n", "DS3014", "cilium.yaml"));
        var disabledList = "ipv6:\n  enabled: false\nipam:\n  operator:\n    clusterPoolIPv6PodCIDRList: [\"fd00::/104\"]\n";
        Assert.Equal(["DS3014 5:5 ipam.operator.clusterPoolIPv6PodCIDRList"], ConfigLint.Describe(disabledList, "DS3014", "cilium.yaml"));
        Assert.Empty(ConfigLint.Lint("ipv4:\n  enabled: false\nipv6:\n  enabled: true\nunderlayProtocol: ipv6\n", "cilium.yaml"));
    }

    [Fact]
    public void Kubeadm_v1beta4_with_map_style_extra_args_fails_to_decode()
    {
        var yaml = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: 10.100.0.2,fd00:1:2:3::2\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3015");
        Assert.Equal((5, 5, "nodeRegistration.kubeletExtraArgs", "kubeadm InitConfiguration", Rules.Severity.Error), (finding.Line, finding.Column, finding.Field, finding.Object, finding.Severity));
    }

    [Fact]
    public void Kubeadm_v1beta3_with_list_style_extra_args_fails_to_decode_and_is_deprecated()
    {
        var yaml = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\ncontrollerManager:\n  extraArgs:\n  - name: node-cidr-mask-size-ipv6\n    value: \"64\"\n";
        Assert.Equal(["DS3015 1:13 apiVersion", "DS3015 5:3 controllerManager.extraArgs"], ConfigLint.Describe(yaml, "DS3015"));
        var v1beta3Map = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\ncontrollerManager:\n  extraArgs:\n    node-cidr-mask-size-ipv6: \"64\"\n";
        var info = Assert.Single(ConfigLint.Lint(v1beta3Map), f => f.RuleId == "DS3015");
        Assert.Equal(Rules.Severity.Info, info.Severity);
    }

    [Fact]
    public void Old_kubeadm_API_versions_and_unnamed_arguments()
    {
        Assert.Equal(["DS3015 1:13 apiVersion"], ConfigLint.Describe("apiVersion: kubeadm.k8s.io/v1beta2\nkind: ClusterConfiguration\n", "DS3015"));
        var unnamed = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\napiServer:\n  extraArgs:\n  - value: \"x\"\n";
        Assert.Equal(["DS3015 5:5 apiServer.extraArgs[0].name"], ConfigLint.Describe(unnamed, "DS3015"));
    }
}
