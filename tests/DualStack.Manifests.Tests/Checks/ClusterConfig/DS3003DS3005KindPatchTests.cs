namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>kind kubeadmConfigPatches are read: a controller-manager cluster-cidr narrower than networking.podSubnet.</summary>
public sealed class DS3003DS3005KindPatchTests
{
    private const string Kind = """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        networking:
          ipFamily: dual
          podSubnet: "192.168.0.0/16,fd00:10:244::/56"
        kubeadmConfigPatches:
        - |
          apiVersion: kubeadm.k8s.io/v1beta3
          kind: ClusterConfiguration
          controllerManager:
            extraArgs:
              cluster-cidr: "192.168.0.0/16"
        """;

    [Fact]
    public void An_IPv4_only_cluster_cidr_patch_on_a_dual_stack_cluster_is_reported_inside_the_patch()
    {
        var finding = Assert.Single(ConfigLint.Lint(Kind), f => f.RuleId == "DS3005");
        Assert.Equal((12, 22, "kubeadmConfigPatches[0].controllerManager.extraArgs.cluster-cidr", "kind Cluster"), (finding.Line, finding.Column, finding.Field, finding.Object));
        Assert.StartsWith("\"192.168.0.0/16\" is IPv4 but networking.podSubnet is IPv4,IPv6", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_patch_is_clean_and_its_list_is_what_node_masks_apply_to()
    {
        var matching = Kind.Replace("cluster-cidr: \"192.168.0.0/16\"", "cluster-cidr: \"192.168.0.0/16,fd00:10:244::/56\"", StringComparison.Ordinal);
        Assert.Empty(ConfigLint.Lint(matching));

        var tooWide = Kind.Replace("cluster-cidr: \"192.168.0.0/16\"", "cluster-cidr: \"192.168.0.0/16,fd00:10::/32\"", StringComparison.Ordinal);
        Assert.Equal(["DS3003 12:37 kubeadmConfigPatches[0].controllerManager.extraArgs.cluster-cidr"], ConfigLint.Describe(tooWide, "DS3003"));
    }

    [Fact]
    public void Broken_or_foreign_patches_are_ignored()
    {
        var yaml = Kind.Replace("  apiVersion: kubeadm.k8s.io/v1beta3", "  apiVersion: [", StringComparison.Ordinal);
        Assert.DoesNotContain(ConfigLint.Lint(yaml), f => f.RuleId.StartsWith("DS3", StringComparison.Ordinal));
    }
}
