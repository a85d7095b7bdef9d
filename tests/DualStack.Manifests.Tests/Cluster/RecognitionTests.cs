using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Tests.Checks.ClusterConfig;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Cluster;

/// <summary>Which documents are cluster configuration, and what the cluster model takes from them.</summary>
public sealed class RecognitionTests
{
    private static ConfigDocument? Recognize(string yaml, string path = "f.yaml") =>
        ConfigRecognizer.Recognize(YamlLoader.Load(SourceFile.FromText(path, yaml)).Documents[0]);

    [Theory]
    [InlineData("version: 0.1.0\nextraSANs: [a]\n", "f.yaml", ConfigFormat.MicroK8sLaunchConfiguration)]
    [InlineData("extraCniEnv:\n  IPv6_SUPPORT: true\n", "f.yaml", ConfigFormat.MicroK8sLaunchConfiguration)]
    [InlineData("version: 0.1.0\naddons:\n  - name: dns\n", "microk8s.yaml", ConfigFormat.MicroK8sLaunchConfiguration)]
    [InlineData("cluster-cidr: 10.42.0.0/16\n", "config.yaml", ConfigFormat.K3s)]
    [InlineData("rke2_server:\n  service-cidr: 10.43.0.0/16\n", "vars.yaml", ConfigFormat.K3s)]
    [InlineData("ipv6:\n  enabled: true\nhubble:\n  enabled: true\n", "values.yaml", ConfigFormat.Cilium)]
    [InlineData("installation:\n  calicoNetwork: {}\n", "values.yaml", ConfigFormat.CalicoInstallation)]
    [InlineData("apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\n", "f.yaml", ConfigFormat.Kubeadm)]
    [InlineData("apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n", "f.yaml", ConfigFormat.Kind)]
    [InlineData("apiVersion: crd.projectcalico.org/v1\nkind: IPPool\n", "f.yaml", ConfigFormat.CalicoIPPool)]
    [InlineData("apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n", "f.yaml", ConfigFormat.KubeProxy)]
    public void Formats_are_recognised(string yaml, string path, ConfigFormat format) =>
        Assert.Equal(format, Recognize(yaml, path)?.Format);

    [Theory]
    [InlineData("version: 0.1.0\naddons:\n  - name: dns\n")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  clusterIP: 10.0.0.1\n")]
    [InlineData("ipv6:\n  enabled: true\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just a string\n")]
    [InlineData("apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nspec:\n  clusterNetwork: {}\n")]
    public void Other_documents_are_skipped_silently(string yaml)
    {
        Assert.Null(Recognize(yaml));
        Assert.DoesNotContain(ConfigLint.Lint(yaml), f => f.RuleId.StartsWith("DS3", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_holds_ranges_node_IPs_and_DNS_with_their_sources()
    {
        var yaml = "cluster-cidr: \"10.42.0.0/16,2001:cafe:42::/56\"\nservice-cidr: \"10.43.0.0/16,2001:cafe:43::/112\"\nnode-ip: 192.168.1.5,2001:cafe::5\ncluster-dns: 10.43.0.10\n";
        var files = new[] { YamlLoader.Load(SourceFile.FromText("config.yaml", yaml)) };
        var model = ClusterModelBuilder.Build(files, LintOptions.Default);
        Assert.Equal(["10.43.0.0/16", "2001:cafe:43::/112"], model.ServiceCidrs.Select(c => c.Cidr.ToString()));
        Assert.Equal(["10.42.0.0/16", "2001:cafe:42::/56"], model.PodCidrs.Select(c => c.Cidr.ToString()));
        Assert.Equal(("service-cidr", 2, 29), (model.ServiceCidrs[1].Source.Field, model.ServiceCidrs[1].Source.Span.Line, model.ServiceCidrs[1].Source.Span.Column));
        Assert.Equal(["192.168.1.5", "2001:cafe::5"], model.NodeIps.Select(n => n.Ip.ToString()));
        Assert.Equal("10.43.0.10", model.DnsIp?.Ip.ToString());
        Assert.Equal(IpFamilies.DualStackIPv4Primary, model.Families);
        Assert.True(model.FamiliesFromConfiguration);
        Assert.Equal(["config.yaml"], model.Sources);
        Assert.Equal("2001:cafe:43::/112", model.ServiceCidrs.FirstOrDefault(c => c.Cidr.Family == IpFamily.IPv6)?.Cidr.ToString());
    }

    [Fact]
    public void Configuration_families_override_the_configured_target_for_object_rules()
    {
        var kind = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: ipv6\n";
        var files = new[] { YamlLoader.Load(SourceFile.FromText("kind.yaml", kind)) };
        var model = ClusterModelBuilder.Build(files, LintOptions.Default with { IpFamilies = IpFamilies.IPv4Only });
        Assert.Equal(IpFamilies.IPv6Only, model.Families);
        Assert.Equal(["fd00:10:96::/112"], model.ServiceCidrs.Select(c => c.Cidr.ToString()));
        Assert.True(model.ServiceCidrs[0].Source.IsDefault);
    }

    [Fact]
    public void Plain_manifests_do_not_contribute_sources()
    {
        var result = ConfigLint.LintFiles(null, ("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n"));
        Assert.Empty(result.ClusterModelSources);
    }

    [Theory]
    [InlineData("networking: [a]\n")]
    [InlineData("networking:\n  podSubnet: [10.0.0.0/8, {a: b}]\n  serviceSubnet: {a: b}\n")]
    [InlineData("networking:\n  podSubnet: ~\n")]
    [InlineData("controllerManager:\n  extraArgs: [1, [2], {name: node-cidr-mask-size-ipv6, value: x}]\nnetworking:\n  podSubnet: fd00::/56\n")]
    [InlineData("nodeRegistration:\n  kubeletExtraArgs: {node-ip: [1]}\nlocalAPIEndpoint: 5\n")]
    public void Odd_shapes_never_throw(string body)
    {
        foreach (var kind in new[] { "ClusterConfiguration", "InitConfiguration" })
        {
            _ = ConfigLint.Lint($"apiVersion: kubeadm.k8s.io/v1beta4\nkind: {kind}\n{body}");
        }

        _ = ConfigLint.Lint($"apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n{body}");
        _ = ConfigLint.Lint("apiVersion: projectcalico.org/v3\nkind: IPPool\nspec: [1]\n");
        _ = ConfigLint.Lint("apiVersion: operator.tigera.io/v1\nkind: Installation\nspec:\n  calicoNetwork:\n    ipPools: [1, {cidr: [x]}]\n");
        _ = ConfigLint.Lint("cluster-cidr: [1, [2]]\nnode-ip: {a: 1}\nkube-controller-manager-arg: {a: 1}\n");
        _ = ConfigLint.Lint("ipv6: {enabled: true}\nipam: {operator: {clusterPoolIPv6PodCIDRList: {a: 1}, clusterPoolIPv6MaskSize: x}}\nhubble: {}\n");
    }
}

/// <summary>Every prefix of real configurations lints without throwing (half-typed files in an editor, truncated input).</summary>
public sealed class TruncationTests
{
    public static TheoryData<string> Inputs() => new()
    {
        DS3008DS3009DS3010DS3013MicroK8sLaunchConfigurationTests.Documented + "extraKubeletArgs:\n  --node-ip: \"10.0.0.5, fd00::5\"\n  --cluster-dns: 10.153.183.10\nextraKubeControllerManagerArgs:\n  --allocate-node-cidrs: \"true\"\n",
        "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16,2001:db8:42:0::/56\n  serviceSubnet: 10.96.0.0/16,2001:db8:42:1::/112\ncontrollerManager:\n  extraArgs:\n  - name: node-cidr-mask-size-ipv6\n    value: \"64\"\n---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nlocalAPIEndpoint:\n  advertiseAddress: \"10.100.0.1\"\n",
        "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  podSubnet: \"192.168.0.0/16,fd00:10:244::/64\"\n  ipFamily: dual\nkubeadmConfigPatches:\n- |\n  apiVersion: kubeadm.k8s.io/v1beta3\n  kind: ClusterConfiguration\n  controllerManager:\n    extraArgs:\n      cluster-cidr: \"192.168.0.0/16\"\n",
        "rke2_server:\n  cluster-cidr: 10.42.0.0/16,fc00:a0::/64\n  service-cidr: 10.43.0.0/16,fc00:a1::/64\n  node-ip: [10.0.0.1, fe80::1]\n  kube-controller-manager-arg: [\"node-cidr-mask-size-ipv6=64\"]\n",
        "ipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDRList: [\"fd00::/104\"]\n    clusterPoolIPv6MaskSize: 120\nk8sServiceHost: x\n---\ninstallation:\n  calicoNetwork:\n    ipPools:\n    - cidr: fd00:10:244::/64\n      encapsulation: IPIP\n      blockSize: 122\n",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_prefix_lints_without_throwing(string yaml)
    {
        for (var length = 0; length <= yaml.Length; length++)
        {
            _ = ConfigLint.Lint(yaml.Substring(0, length), "microk8s-cilium-values.yaml", "1.33");
        }
    }
}
