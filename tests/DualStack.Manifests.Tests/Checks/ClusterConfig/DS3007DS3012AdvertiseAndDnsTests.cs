namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3007 (advertise address family vs primary service family) and DS3012 (DNS IP inside the service range).</summary>
public sealed class DS3007DS3012AdvertiseAndDnsTests
{
    private const string Cluster = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: fd00:10:244::/56,10.244.0.0/16\n  serviceSubnet: fd00:10:96::/112,10.96.0.0/16\n";

    [Fact]
    public void An_IPv4_advertise_address_with_an_IPv6_primary_service_range_is_an_error_across_documents()
    {
        var yaml = Cluster + "---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nlocalAPIEndpoint:\n  advertiseAddress: \"10.100.0.1\"\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3007");
        Assert.Equal((10, 22, "localAPIEndpoint.advertiseAddress", "kubeadm InitConfiguration"), (finding.Line, finding.Column, finding.Field, finding.Object));
        Assert.StartsWith("service IP family \"IPv6\" must match public address family \"IPv4\"", finding.Message, StringComparison.Ordinal);
        Assert.Empty(ConfigLint.Describe(yaml.Replace("\"10.100.0.1\"", "\"fd00:1::1\"", StringComparison.Ordinal), "DS3007"));
    }

    [Fact]
    public void The_default_kubeadm_service_subnet_is_IPv4()
    {
        var yaml = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nlocalAPIEndpoint:\n  advertiseAddress: fd00::1\n";
        Assert.Equal(["DS3007 7:21 localAPIEndpoint.advertiseAddress"], ConfigLint.Describe(yaml, "DS3007"));
    }

    [Fact]
    public void An_invalid_advertise_address_is_reported()
    {
        var yaml = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nlocalAPIEndpoint:\n  advertiseAddress: 10.100.0.256\n";
        Assert.Equal(["DS3007 4:21 localAPIEndpoint.advertiseAddress"], ConfigLint.Describe(yaml, "DS3007"));
    }

    [Theory]
    [InlineData("10.43.0.10", null)]
    [InlineData("10.44.0.10", "DS3012 3:14 cluster-dns")]
    [InlineData("fd00:43::a", "DS3012 3:14 cluster-dns")]
    [InlineData("dns.local", "DS3012 3:14 cluster-dns")]
    public void K3s_cluster_dns(string dns, string? expected)
    {
        var yaml = $"cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\ncluster-dns: {dns}\n";
        Assert.Equal(expected is null ? [] : [expected], ConfigLint.Describe(yaml, "DS3012"));
    }

    [Fact]
    public void The_DNS_message_names_the_range_and_the_usual_address()
    {
        var finding = ConfigLint.Lint("cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\ncluster-dns: 10.44.0.10\n").Single(f => f.RuleId == "DS3012");
        Assert.Equal("cluster DNS IP 10.44.0.10 is outside the service range 10.43.0.0/16; pods get a resolver no Service answers — use an address inside it (kubeadm uses the 10th: 10.43.0.10)", finding.Message);
    }
}
