using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.NodePod;

public sealed class DS2042NodePodIpTests
{
    private static string Node(string spec) => $"apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\nspec:\n{spec}\n";

    private static string Pod(string status) => $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: prod\nstatus:\n{status}\n";

    [Theory]
    [InlineData("  podCIDR: 10.244.1.0/24\n  podCIDRs: [10.244.1.0/24, \"fd00:10:244:1::/64\"]")]
    [InlineData("  podCIDRs: [\"fd00:10:244:1::/64\", 10.244.1.0/24]")]
    [InlineData("  podCIDR: 10.244.1.0/24")]
    [InlineData("  providerID: x")]
    public void A_single_CIDR_or_a_dual_stack_pair_is_valid(string spec)
    {
        Assert.Empty(ManifestTestHelper.Lint(Node(spec)).Describe("DS2042"));
    }

    [Fact]
    public void Two_CIDRs_of_one_family_are_rejected()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Node("  podCIDRs: [10.244.1.0/24, 10.245.1.0/24]")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 6:29 spec.podCIDRs", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(
            "Invalid value: [\"10.244.1.0/24\",\"10.245.1.0/24\"]: may specify no more than one CIDR for each IP family; \"10.245.1.0/24\" is IPv4 like \"10.244.1.0/24\"",
            finding.Message);
    }

    [Fact]
    public void Duplicates_and_three_CIDRs_are_rejected()
    {
        Assert.Equal(["DS2042 6:29 spec.podCIDRs"], ManifestTestHelper.Lint(Node("  podCIDRs: [10.244.1.0/24, 10.244.1.0/24]")).Describe("DS2042"));
        var finding = Assert.Single(
            ManifestTestHelper.Lint(Node("  podCIDRs: [10.244.1.0/24, \"fd00::/64\", \"fd01::/64\"]")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 6:42 spec.podCIDRs", new[] { finding }.Describe().Single());
        Assert.EndsWith("3 entries given, at most two (one IPv4 and one IPv6)", finding.Message);
    }

    [Fact]
    public void Unparseable_CIDR_is_invalid_and_the_pair_check_is_skipped()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Node("  podCIDRs: [10.244.1.0/24, 10.245.1.0]")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 6:29 spec.podCIDRs[1]", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"10.245.1.0\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", finding.Message);
    }

    [Fact]
    public void PodCIDR_alone_is_validated()
    {
        Assert.Equal(["DS2042 6:12 spec.podCIDR"], ManifestTestHelper.Lint(Node("  podCIDR: 10.244.1.0/33")).Describe("DS2042"));
    }

    [Fact]
    public void PodCIDR_that_differs_from_podCIDRs_0_replaces_the_list()
    {
        var findings = ManifestTestHelper.Lint(Node("  podCIDR: 10.244.9.0/24\n  podCIDRs: [10.244.1.0/24, \"fd00::/64\"]"));
        var finding = Assert.Single(findings, f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 7:14 spec.podCIDRs[0]", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("\"10.244.1.0/24\" differs from spec.podCIDR \"10.244.9.0/24\": the API server keeps podCIDR", finding.Message);
    }

    [Theory]
    [InlineData("  podIPs: [{ip: 10.0.0.5}, {ip: \"fd00::5\"}]")]
    [InlineData("  podIPs: [{ip: \"fd00::5\"}, {ip: 10.0.0.5}]")]
    [InlineData("  podIP: 10.0.0.5")]
    [InlineData("  hostIP: 192.168.1.10\n  hostIPs: [{ip: 192.168.1.10}, {ip: \"2001:db8::10\"}]")]
    public void Dual_stack_pod_IPs_in_any_order_are_valid(string status)
    {
        Assert.Empty(ManifestTestHelper.Lint(Pod(status)).Describe("DS2042"));
    }

    [Fact]
    public void Two_pod_IPs_of_one_family_are_rejected()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Pod("  podIPs:\n  - ip: 10.0.0.5\n  - ip: 10.0.0.6")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 9:9 status.podIPs", new[] { finding }.Describe().Single());
        Assert.Equal("Pod/prod/p", finding.Object);
        Assert.StartsWith(
            "Invalid value: [{\"ip\":\"10.0.0.5\"},{\"ip\":\"10.0.0.6\"}]: may specify no more than one IP for each IP family",
            finding.Message);
    }

    [Fact]
    public void Unparseable_pod_IP_is_reported_at_its_ip_with_the_list_index_path()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Pod("  podIPs:\n  - ip: 10.0.0.5\n  - ip: \"fd00::5::1\"")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 9:9 status.podIPs[1]", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"fd00::5::1\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", finding.Message);
    }

    [Fact]
    public void HostIPs_0_must_equal_hostIP()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint(Pod("  hostIP: 192.168.1.10\n  hostIPs:\n  - ip: 192.168.1.11")), f => f.RuleId == "DS2042");
        Assert.Equal("DS2042 9:9 status.hostIPs[0].ip", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"192.168.1.11\": must be equal to `hostIP`; status.hostIP is \"192.168.1.10\"", finding.Message);
    }

    [Fact]
    public void HostIPs_without_hostIP_is_rejected()
    {
        Assert.Equal(["DS2042 8:10 status.hostIPs[0].ip"], ManifestTestHelper.Lint(Pod("  hostIPs:\n  - {ip: 192.168.1.11}")).Describe("DS2042"));
    }

    [Fact]
    public void Two_host_IPs_of_one_family_are_rejected()
    {
        Assert.Equal(
            ["DS2042 10:9 status.hostIPs"],
            ManifestTestHelper.Lint(Pod("  hostIP: 192.168.1.10\n  hostIPs:\n  - ip: 192.168.1.10\n  - ip: 192.168.1.11")).Describe("DS2042"));
    }

    [Fact]
    public void Workloads_and_odd_yaml_are_ignored()
    {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nstatus:\n  podIPs: [{ip: x}]\n---\n" + Pod("  podIPs: {ip: 1}\n  hostIPs: [[1], 2]") + "---\n" + Node("  podCIDRs: {a: 1}\n  podCIDR: [1]");
        Assert.Empty(ManifestTestHelper.Lint(text).Describe("DS2042"));
        Assert.Empty(ManifestTestHelper.Lint(text).Describe("DS0002"));
    }

    private static string IngressWithStatus(string group, string ips) => $"""
        apiVersion: {group}/v1
        kind: Ingress
        metadata: {"{name: web}"}
        spec:
          defaultBackend: {"{service: {name: web, port: {number: 80}}}"}
        status:
          loadBalancer:
            ingress:
        {ips}
        """;

    [Fact]
    public void Unparseable_Ingress_status_ip_is_DS2042()
    {
        var findings = ManifestTestHelper.Lint(IngressWithStatus("networking.k8s.io", "    - ip: 203.0.113.10\n    - ip: 203.0.113.256\n    - hostname: lb.example.com"));
        var finding = Assert.Single(findings);
        Assert.Equal("DS2042 10:11 status.loadBalancer.ingress[1].ip", new[] { finding }.Describe().Single());
        Assert.Equal("Invalid value: \"203.0.113.256\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", finding.Message);
    }

    [Fact]
    public void Strict_only_Ingress_status_ip_is_DS2050_alone()
    {
        var findings = ManifestTestHelper.Lint(IngressWithStatus("networking.k8s.io", "    - ip: \"::ffff:203.0.113.10\""));
        Assert.Equal(["DS2050 9:11 status.loadBalancer.ingress[0].ip"], findings.Describe());
    }

    [Fact]
    public void Valid_Ingress_status_ips_are_silent()
    {
        Assert.Empty(ManifestTestHelper.Lint(IngressWithStatus("networking.k8s.io", "    - ip: 203.0.113.10\n    - ip: \"2001:db8::10\"")));
        Assert.Empty(ManifestTestHelper.Lint(IngressWithStatus("networking.k8s.io", "    - ip: \"\"\n      hostname: lb.example.com")));
    }
}
