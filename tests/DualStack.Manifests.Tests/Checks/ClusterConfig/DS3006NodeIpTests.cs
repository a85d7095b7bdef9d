namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3006: kubelet node IP rules, link-local node IPs, and one node IP used by two nodes.</summary>
public sealed class DS3006NodeIpTests
{
    [Theory]
    [InlineData("192.168.1.10,fd00::10", null)]
    [InlineData("192.168.1.10", null)]
    [InlineData("0.0.0.0", null)]
    [InlineData("192.168.1.10,192.168.1.11", "DS3006 1:23")]
    [InlineData("192.168.1.10,fd00::10,fd00::11", "DS3006 1:32")]
    [InlineData("0.0.0.0,fd00::10", "DS3006 1:10")]
    [InlineData("\"192.168.1.10,::\"", "DS3006 1:24")]
    [InlineData("192.168.1.150,fe80::ccc", "DS3006 1:24")]
    [InlineData("169.254.1.1", "DS3006 1:10")]
    [InlineData("192.168.1.10, fd00::10", null)]
    [InlineData("192.168.1.10,fd00::zz", "DS3006 1:23")]
    [InlineData("192.168.1.10,bogus,fd00::10", "DS3006 1:23")] // kubelet drops "bogus"; the rest is a valid pair
    [InlineData("\"\"", null)] // kubelet reads an empty --node-ip as unset, not as an invalid IP
    public void Node_ip_values(string value, string? expected)
    {
        var found = ConfigLint.Lint($"node-ip: {value}\ncluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16,fd00:43::/112\n")
            .Where(f => f.RuleId == "DS3006").Select(f => $"{f.RuleId} {f.Line}:{f.Column}").ToList();
        Assert.Equal(expected is null ? [] : [expected], found);
    }

    [Fact]
    public void The_pair_message_is_kubelets()
    {
        var finding = ConfigLint.Lint("node-ip: 0.0.0.0,fd00::10\n").Single(f => f.RuleId == "DS3006");
        Assert.Equal("dual-stack --node-ip \"0.0.0.0,fd00::10\" cannot include '0.0.0.0' or '::'", finding.Message);
        Assert.Equal(("k3s config", "node-ip"), (finding.Object, finding.Field));
    }

    [Fact]
    public void The_same_node_IP_in_init_and_join_configurations_is_reported_at_the_second()
    {
        var init = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: node-ip\n    value: \"10.100.0.2,fd00:1:2:3::2\"\n";
        var join = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: node-ip\n    value: \"10.100.0.2,fd00:1:2:3::3\"\n";
        var result = ConfigLint.LintFiles(null, ("init.yaml", init), ("join.yaml", join));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DS3006");
        Assert.Equal(("join.yaml", 6, 13, "nodeRegistration.kubeletExtraArgs[0].value", "kubeadm JoinConfiguration"), (finding.File, finding.Line, finding.Column, finding.Field, finding.Object));
        Assert.Contains("init.yaml:6", finding.Message, StringComparison.Ordinal);

        var distinct = ConfigLint.LintFiles(null, ("init.yaml", init), ("join.yaml", join.Replace("10.100.0.2,", "10.100.0.3,", StringComparison.Ordinal)));
        Assert.DoesNotContain(distinct.Findings, f => f.RuleId == "DS3006");
    }
}
