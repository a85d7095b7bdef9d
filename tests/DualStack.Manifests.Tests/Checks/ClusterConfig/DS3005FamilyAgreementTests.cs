namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3005: pod and service lists agree in families and order; node IPs cover the cluster's families.</summary>
public sealed class DS3005FamilyAgreementTests
{
    private static string Kubeadm(string pod, string service, string nodeIp = "10.100.0.2,fd00:1::2") => $"""
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        networking:
          podSubnet: {pod}
          serviceSubnet: {service}
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
          - name: node-ip
            value: {nodeIp}
        """;

    [Fact]
    public void Agreeing_lists_are_clean() =>
        Assert.Empty(ConfigLint.Describe(Kubeadm("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112"), "DS3005"));

    [Fact]
    public void Different_order_is_reported_at_the_pod_list()
    {
        var yaml = Kubeadm("fd00:10:244::/56,10.244.0.0/16", "10.96.0.0/16,fd00:10:96::/112");
        Assert.Equal(["DS3005 4:14 networking.podSubnet"], ConfigLint.Describe(yaml, "DS3005"));
    }

    [Fact]
    public void Missing_family_in_the_service_list_is_reported()
    {
        var yaml = Kubeadm("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/16", "10.100.0.2");
        var findings = ConfigLint.Lint(yaml).Where(f => f.RuleId == "DS3005").ToList();
        Assert.Equal(["DS3005 4:14 networking.podSubnet", "DS3005 12:12 nodeRegistration.kubeletExtraArgs[0].value"], findings.Describe());
        Assert.StartsWith("pod ranges are IPv4,IPv6 but service ranges are IPv4", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_IPs_in_the_other_order_than_the_service_ranges_warn()
    {
        var yaml = Kubeadm("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112", "fd00:1::2,10.100.0.2");
        Assert.Equal(["DS3005 12:12 nodeRegistration.kubeletExtraArgs[0].value"], ConfigLint.Describe(yaml, "DS3005"));
    }

    [Fact]
    public void K3s_family_mismatch_is_an_error_in_k3s_wording()
    {
        var yaml = "cluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16\nnode-ip: 192.168.1.10\n";
        var findings = ConfigLint.Lint(yaml).Where(f => f.RuleId == "DS3005").ToList();
        Assert.Equal(["DS3005 1:15 cluster-cidr", "DS3005 3:10 node-ip"], findings.Describe());
        Assert.Equal("cluster-cidr: 10.42.0.0/16,fd00:42::/56 and service-cidr: 10.43.0.0/16, must share the same IP version (IPv4, IPv6 or dual-stack)", findings[0].Message);
        Assert.Equal(Rules.Severity.Error, findings[0].Severity);

        var nodeIp = ConfigLint.Lint("cluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16,fd00:43::/112\nnode-ip: 192.168.1.10\n").Single(f => f.RuleId == "DS3005");
        Assert.Equal((3, 10, "node-ip"), (nodeIp.Line, nodeIp.Column, nodeIp.Field));
        Assert.StartsWith("cluster-cidr: 10.42.0.0/16,fd00:42::/56 and node-ip: 192.168.1.10, must share", nodeIp.Message, StringComparison.Ordinal);
    }
}
