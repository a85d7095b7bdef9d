namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>
/// The MicroK8s dual-stack launch configuration as documented (microk8s.io/docs/how-to-dual-stack, same block as
/// upstream tests/test-cluster.py) lints clean; each single mistake introduced into it is found at its position.
/// </summary>
public sealed class DS3008DS3009DS3010DS3013MicroK8sLaunchConfigurationTests
{
    internal const string Documented = """
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

    [Theory]
    [InlineData("1.33")]
    [InlineData("1.36")]
    public void The_documented_dual_stack_configuration_is_clean(string version) =>
        Assert.Empty(ConfigLint.Lint(Documented, "microk8s.yaml", version));

    public static TheoryData<string, string, string> Mutations() => new()
    {
        // find, replace, expected "ID line:col field"
        { "IPv4_SUPPORT: true", "IPv4_SUPPORT: True", "DS3009 4:17 extraCNIEnv.IPv4_SUPPORT" },
        { "IPv6_SUPPORT: true", "IPv6_SUPPORT: yes", "DS3009 7:17 extraCNIEnv.IPv6_SUPPORT" },
        { "IPv6_SUPPORT: true", "IPv6_SUPPORT: false", "DS3009 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "IPv6_SUPPORT: true", "IPv6_SUPPORT: false", "DS3009 9:22 extraCNIEnv.IPv6_SERVICE_CIDR" },
        { "IPv6_SERVICE_CIDR: fd99::/108", "IPv6_SERVICE_CIDR: fd99::/64", "DS3002 9:22 extraCNIEnv.IPv6_SERVICE_CIDR" },
        { "IPv4_SERVICE_CIDR: 10.153.183.0/24", "IPv4_SERVICE_CIDR: 10.153.183.0/30", "DS3002 6:22 extraCNIEnv.IPv4_SERVICE_CIDR" },
        { "fd02::/64", "fd02::/64,10.4.0.0/16", "DS3001 8:32 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "IPv4_CLUSTER_CIDR: 10.3.0.0/16", "IPv4_CLUSTER_CIDR: fd03::/64", "DS3001 5:22 extraCNIEnv.IPv4_CLUSTER_CIDR" },
        { "IPv4_CLUSTER_CIDR: 10.3.0.0/16", "IPv4_CLUSTER_CIDR: 10.3.0.1/16", "DS3001 5:22 extraCNIEnv.IPv4_CLUSTER_CIDR" },
        { "IPv4_CLUSTER_CIDR: 10.3.0.0/16", "IPv4_CLUSTER_CIDR: 10.3.0.0/33", "DS3001 5:22 extraCNIEnv.IPv4_CLUSTER_CIDR" },
        { "IPv4_CLUSTER_CIDR: 10.3.0.0/16", "IPv4_CLUSTER_CIDR: 10.153.0.0/16", "DS3004 6:22 extraCNIEnv.IPv4_SERVICE_CIDR" },
        { "IPv4_SERVICE_CIDR: 10.153.183.0/24", "IPv4_SERVICE_CIDR: 172.17.0.0/24", "DS3004 6:22 extraCNIEnv.IPv4_SERVICE_CIDR" },
        { "IPv6_CLUSTER_CIDR: fd02::/64", "IPv6_CLUSTER_CIDR: fe80::/64", "DS3011 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "IPv6_CLUSTER_CIDR: fd02::/64", "IPv6_CLUSTER_CIDR: fd02::/123", "DS3010 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "IPv4_CLUSTER_CIDR: 10.3.0.0/16", "IPv4_CLUSTER_CIDR: 10.3.0.0/27", "DS3010 5:22 extraCNIEnv.IPv4_CLUSTER_CIDR" },
        { "IPv6_SERVICE_CIDR: fd99::/108", "IPv6_SERVICE_CIDR: 2001:db8::/108", "DS3011 9:22 extraCNIEnv.IPv6_SERVICE_CIDR" },
        { "IPv6_CLUSTER_CIDR: fd02::/64", "IPv6_CLUSTER_CIDR: fc02::/64", "DS3011 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "IPv6_CLUSTER_CIDR: fd02::/64", "IPv6_CLUSTER_CIDR: fec0::/64", "DS3011 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "  - 10.153.183.1", "  - 10.152.183.1", "DS3009 10:1 extraSANs" },
        { "version: 0.1.0", "version: 0.3.0", "DS3008 2:10 version" },
        { "version: 0.1.0", "version: 0.0.1", "DS3008 2:10 version" },
        { "version: 0.1.0", "version: one", "DS3008 2:10 version" },
        { "version: 0.1.0\n", "", "DS3008 2:1 version" },
        { "extraCNIEnv:", "extraCniEnv:", "DS3013 3:1 extraCniEnv" },
        { "  IPv6_SUPPORT", "  IPV6_SUPPORT", "DS3013 7:3 extraCNIEnv.IPV6_SUPPORT" },
        { "  IPv6_CLUSTER_CIDR: fd02::/64\n", "", "DS3008 7:17 extraCNIEnv.IPv6_SUPPORT" },
        { "  IPv4_SUPPORT: true\n", "  CNI: flannel\n  IPv4_SUPPORT: true\n", "DS3008 4:8 extraCNIEnv.CNI" },
        { "  IPv4_SUPPORT: true", "  IPv4_SUPPORT: false", "DS3009 5:22 extraCNIEnv.IPv4_CLUSTER_CIDR" },
        { "extraSANs:", "addons: [dns]\nextraSANs:", "DS3008 10:10 addons[0]" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  --cluster-dns: 10.152.183.10\n", "DS3012 13:18 extraKubeletArgs.--cluster-dns" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  --node-ip: 10.0.0.5,10.0.0.6\n", "DS3006 13:23 extraKubeletArgs.--node-ip" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  --node-ip: 0.0.0.0,fd00::5\n", "DS3006 13:14 extraKubeletArgs.--node-ip" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  --node-ip: 10.0.0.5,fe80::5\n", "DS3006 13:23 extraKubeletArgs.--node-ip" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  --node-ip: fd00::5,10.0.0.5\n", "DS3005 13:14 extraKubeletArgs.--node-ip" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeProxyArgs:\n  --cluster-cidr: 10.3.0.0/16\n", "DS3009 13:19 extraKubeProxyArgs.--cluster-cidr" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: 10.153.183.0/24, fd99::/108\n", "DS3001 13:48 extraKubeAPIServerArgs.--service-cluster-ip-range" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeAPIServerArgs:\n  --advertise-address: fd00::1\n", "DS3007 13:24 extraKubeAPIServerArgs.--advertise-address" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeControllerManagerArgs:\n  --allocate-node-cidrs: \"true\"\n", "DS3003 8:22 extraCNIEnv.IPv6_CLUSTER_CIDR" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeControllerManagerArgs:\n  --allocate-node-cidrs: \"true\"\n  --node-cidr-mask-size: \"24\"\n", "DS3003 14:27 extraKubeControllerManagerArgs.--node-cidr-mask-size" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraKubeletArgs:\n  cluster-dns: 10.153.183.10\n", "DS3013 13:3 extraKubeletArgs.cluster-dns" },
        { "  - 10.153.183.1\n", "  - 10.153.183.1\nextraConfigFiles:\n  ../flannel: x\n", "DS3008 13:3 extraConfigFiles.../flannel" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Each_single_mistake_is_found(string find, string replace, string expected)
    {
        Assert.Contains(find, Documented, StringComparison.Ordinal);
        var yaml = Documented.Replace(find, replace, StringComparison.Ordinal);
        var findings = ConfigLint.Lint(yaml, "microk8s.yaml", "1.33");
        Assert.Contains(expected, findings.Describe());
        var finding = findings.First(f => $"{f.RuleId} {f.Line}:{f.Column} {f.Field}" == expected);
        Assert.Equal("MicroK8sLaunchConfiguration", finding.Object);
    }

    [Fact]
    public void A_large_IPv6_service_range_is_accepted_from_Kubernetes_1_34()
    {
        var yaml = Documented.Replace("fd99::/108", "fd99::/64", StringComparison.Ordinal);
        Assert.Contains("DS3002 9:22 extraCNIEnv.IPv6_SERVICE_CIDR", ConfigLint.Describe(yaml, "DS3002", version: "1.33"));
        Assert.Empty(ConfigLint.Describe(yaml, "DS3002", version: "1.34"));
    }

    [Fact]
    public void Messages_quote_the_value_and_name_the_expected_one()
    {
        var yaml = Documented.Replace("IPv6_SUPPORT: true", "IPv6_SUPPORT: True", StringComparison.Ordinal);
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.Field == "extraCNIEnv.IPv6_SUPPORT");
        Assert.Equal("IPv6_SUPPORT is \"True\"; generate-cni.sh enables a family only for exactly \"true\", so IPv6 stays disabled — write true or false", finding.Message);
        Assert.Equal((7, 17, 7, 21), (finding.Line, finding.Column, finding.EndLine, finding.EndColumn));
    }

    [Fact]
    public void The_default_launch_configuration_and_a_custom_IPv4_range_with_its_SAN_are_clean()
    {
        Assert.Empty(ConfigLint.Lint("---\nversion: 0.1.0\nextraKubeletArgs:\n  --cluster-domain: cluster.local\n  --cluster-dns: 10.152.183.10\naddons:\n  - name: dns\n"));
        Assert.Empty(ConfigLint.Lint("version: 0.2.0\nextraCNIEnv:\n  IPv4_CLUSTER_CIDR: \"10.20.0.0/16\"\n  IPv4_SERVICE_CIDR: \"10.30.0.0/24\"\nextraSANs:\n  - 10.30.0.1\nextraKubeletArgs:\n  --cluster-dns: 10.30.0.10\n"));
    }

    [Fact]
    public void Quoted_items_are_located_inside_the_quotes()
    {
        var yaml = "version: 0.2.0\nextraKubeAPIServerArgs:\n  --service-cluster-ip-range: \"10.152.183.0/24,fd98::/108,fd97::/108\"\n";
        Assert.Equal(["DS3001 3:59 extraKubeAPIServerArgs.--service-cluster-ip-range"], ConfigLint.Describe(yaml, "DS3001"));
    }

    [Fact]
    public void IPv6_only_is_read_with_IPv6_as_the_cluster_family()
    {
        var yaml = "version: 0.2.0\nextraCNIEnv:\n  IPv4_SUPPORT: false\n  IPv6_SUPPORT: true\n  IPv6_CLUSTER_CIDR: fd02::/64\n  IPv6_SERVICE_CIDR: fd99::/108\nextraSANs:\n  - fd99::1\n";
        var result = ConfigLint.LintFiles(null, ("microk8s.yaml", yaml));
        Assert.Empty(result.Findings);
        Assert.Equal(["microk8s.yaml"], result.ClusterModelSources);
    }

    [Fact]
    public void Odd_value_types_are_reported_not_thrown()
    {
        var yaml = "version: [0, 1]\nextraCNIEnv: [a]\nextraSANs: {a: b}\nextraKubeletArgs:\n  --node-ip: [10.0.0.1]\n  --cluster-dns: {a: 1}\naddons: dns\njoin: x\n";
        var ids = ConfigLint.Lint(yaml).Select(f => f.RuleId).ToList();
        Assert.Contains("DS3008", ids);
    }
}
