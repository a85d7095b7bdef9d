namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3010 on Calico IPPool (both API groups), operator Installation and tigera-operator Helm values.</summary>
public sealed class DS3010CalicoPoolTests
{
    private static string Pool(string spec, string group = "projectcalico.org/v3") => $"""
        apiVersion: {group}
        kind: IPPool
        metadata:
          name: pool
        spec:
        {spec}
        """;

    [Theory]
    [InlineData("  cidr: fd00:10:244::/64\n  vxlanMode: Always\n  natOutgoing: true")]
    [InlineData("  cidr: 10.244.0.0/16\n  ipipMode: Always\n  vxlanMode: Never")]
    [InlineData("  cidr: 10.244.0.0/28\n  blockSize: 28")]
    [InlineData("  cidr: 10.244.0.0/28\n  disabled: true")]
    public void Valid_pools_are_clean(string spec)
    {
        Assert.Empty(ConfigLint.Lint(Pool(spec)));
        Assert.Empty(ConfigLint.Lint(Pool(spec, "crd.projectcalico.org/v1")));
    }

    [Theory]
    [InlineData("  cidr: 10.244.0.1/16", "DS3010 6:9 spec.cidr", "IPPool CIDR is not strictly masked: \"10.244.0.1/16\"; write \"10.244.0.0/16\"")]
    [InlineData("  cidr: 10.244.0.0/16\n  blockSize: 19", "DS3010 7:14 spec.blockSize", "IPv4 block size must be between 20 and 32 (got 19)")]
    [InlineData("  cidr: fd00::/64\n  blockSize: 112", "DS3010 7:14 spec.blockSize", "IPv6 block size must be between 116 and 128 (got 112)")]
    [InlineData("  cidr: 10.244.0.0/28", "DS3010 6:9 spec.cidr", "IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size: pool /28 is smaller than a /26 block")]
    [InlineData("  cidr: fd00::/124", "DS3010 6:9 spec.cidr", "IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size: pool /124 is smaller than a /122 block")]
    [InlineData("  cidr: fd00::/64\n  ipipMode: Always", "DS3010 7:13 spec.ipipMode", "IPIP is not supported on an IPv6 IP pool (ipipMode \"Always\"); use vxlanMode for IPv6 encapsulation")]
    [InlineData("  cidr: 10.244.0.0/16\n  ipipMode: CrossSubnet\n  vxlanMode: Always", "DS3010 8:14 spec.vxlanMode", "Cannot enable both VXLAN and IPIP on the same IPPool (ipipMode \"CrossSubnet\", vxlanMode \"Always\")")]
    [InlineData("  blockSize: 26", "DS3010 5:1 spec.cidr", "IPPool CIDR must be specified")]
    public void Pool_mistakes(string spec, string expected, string message)
    {
        foreach (var group in new[] { "projectcalico.org/v3", "crd.projectcalico.org/v1" })
        {
            var findings = ConfigLint.Lint(Pool(spec, group)).Where(f => f.RuleId == "DS3010").ToList();
            Assert.Equal([expected], findings.Describe());
            Assert.Equal(message, findings[0].Message);
            Assert.Equal("IPPool/pool", findings[0].Object);
        }
    }

    [Fact]
    public void Link_local_pools_are_an_error_as_Calico_rejects_them()
    {
        var finding = ConfigLint.Lint(Pool("  cidr: 169.254.0.0/16")).Single(f => f.RuleId == "DS3011");
        Assert.Equal((6, 9, Rules.Severity.Error), (finding.Line, finding.Column, finding.Severity));
    }

    [Fact]
    public void A_Calico_pool_outside_the_kind_pod_subnet_is_found_across_files()
    {
        var kind = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n  podSubnet: \"10.244.0.0/16,fd00:10:244::/56\"\n";
        var result = ConfigLint.LintFiles(null, ("kind.yaml", kind), ("pool.yaml", Pool("  cidr: 192.168.0.0/16")));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DS3010");
        Assert.Equal(("pool.yaml", 6, 9, Rules.Severity.Warning), (finding.File, finding.Line, finding.Column, finding.Severity));
        Assert.Contains("10.244.0.0/16", finding.Message, StringComparison.Ordinal);

        var inside = ConfigLint.LintFiles(null, ("kind.yaml", kind), ("pool.yaml", Pool("  cidr: 10.244.0.0/17")));
        Assert.DoesNotContain(inside.Findings, f => f.RuleId == "DS3010");
    }

    [Fact]
    public void Load_balancer_pools_need_not_lie_in_the_pod_range()
    {
        var kind = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: dual\n";
        var pool = Pool("  cidr: 80.15.0.0/24\n  allowedUses:\n    - LoadBalancer");
        Assert.Empty(ConfigLint.LintFiles(null, ("kind.yaml", kind), ("pool.yaml", pool)).Findings);
    }

    private const string Installation = """
        apiVersion: operator.tigera.io/v1
        kind: Installation
        metadata:
          name: default
        spec:
          calicoNetwork:
            ipPools:
            - cidr: 10.244.0.0/16
              encapsulation: VXLAN
            - cidr: fd00:10:244::/56
              encapsulation: None
              natOutgoing: Enabled
        """;

    [Fact]
    public void A_valid_installation_is_clean() => Assert.Empty(ConfigLint.Lint(Installation));

    [Theory]
    [InlineData("encapsulation: None", "encapsulation: IPIP", "DS3010 11:22 spec.calicoNetwork.ipPools[1].encapsulation", "IPIP encapsulation is not supported by IPv6 pools, but it is set for fd00:10:244::/56; use VXLAN or None")]
    [InlineData("encapsulation: VXLAN", "encapsulation: Vxlan", "DS3010 9:22 spec.calicoNetwork.ipPools[0].encapsulation", "Vxlan is invalid for ipPool.encapsulation, should be one of IPIP,IPIPCrossSubnet,VXLAN,VXLANCrossSubnet,None")]
    [InlineData("natOutgoing: Enabled", "natOutgoing: true", "DS3010 12:20 spec.calicoNetwork.ipPools[1].natOutgoing", "true is invalid for natOutgoing, should be one of Enabled,Disabled")]
    [InlineData("fd00:10:244::/56", "10.244.0.0/16", "DS3010 10:13 spec.calicoNetwork.ipPools[1].cidr", "IP pool 10.244.0.0/16 is specified more than once")]
    [InlineData("- cidr: 10.244.0.0/16", "- cidr: 10.244.0.0/16\n      blockSize: 33", "DS3010 9:18 spec.calicoNetwork.ipPools[0].blockSize", "IPv4 pool block size must be greater than 19 and less than or equal to 32 (got 33)")]
    public void Installation_pool_mistakes(string find, string replace, string expected, string message)
    {
        var findings = ConfigLint.Lint(Installation.Replace(find, replace, StringComparison.Ordinal)).Where(f => f.RuleId == "DS3010").ToList();
        Assert.Equal([expected], findings.Describe());
        Assert.Equal(message, findings[0].Message);
        Assert.Equal("Installation/default", findings[0].Object);
    }

    [Fact]
    public void Tigera_operator_helm_values_are_recognised()
    {
        var yaml = "installation:\n  enabled: true\n  calicoNetwork:\n    ipPools:\n    - cidr: 192.168.0.0/16\n    - cidr: fd00:10:244::/64\n      encapsulation: IPIPCrossSubnet\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml, "values.yaml"));
        Assert.Equal(("DS3010", 7, 22, "installation.calicoNetwork.ipPools[1].encapsulation", "tigera-operator Helm values"), (finding.RuleId, finding.Line, finding.Column, finding.Field, finding.Object));
    }
}
