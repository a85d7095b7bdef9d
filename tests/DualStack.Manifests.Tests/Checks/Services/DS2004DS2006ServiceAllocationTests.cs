using DualStack.Rules;
using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>Spec §3: what the allocator rejects on the target cluster (DS2004, DS2006) once validation has passed.</summary>
public sealed class DS2004DS2006ServiceAllocationTests
{
    // Step 5, policy omitted: defaults to SingleStack, so two families are rejected.
    [Fact]
    public void Step5_two_families_with_policy_omitted_is_DS2004_at_the_families_with_an_insert_fix()
    {
        var yaml = With("  ipFamilies: [IPv4, IPv6]\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2004 8:15 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.StartsWith(
            "Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified (ipFamilyPolicy is omitted",
            finding.Message);
        Assert.Equal(yaml.Replace("  selector:", "  ipFamilyPolicy: PreferDualStack\n  selector:"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void Step5_two_cluster_IPs_with_explicit_SingleStack_is_DS2004_at_the_policy()
    {
        var yaml = With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, fd00::10]\n  ipFamilyPolicy: SingleStack\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2004 10:19 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.Contains("when multiple cluster IPs are specified", finding.Message);
        Assert.Equal(yaml.Replace("SingleStack", "PreferDualStack"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void Step5_two_of_everything_with_a_dual_stack_policy_is_clean()
    {
        Assert.Empty(ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, fd00::10]\n  ipFamilies: [IPv4, IPv6]\n  ipFamilyPolicy: RequireDualStack\n")));
    }

    // Step 6: a family inferred from a cluster IP must be configured.
    [Fact]
    public void Step6_cluster_IP_of_an_unconfigured_family_is_DS2006_at_the_IP()
    {
        var findings = ManifestTestHelper.Lint(With("  clusterIP: fd00::10\n"), IPv4Only);
        Assert.Equal(["DS2006 8:14 spec.clusterIPs[0]"], findings.Describe());
        Assert.Equal("Invalid value: [\"fd00::10\"]: IPv6 is not configured on this cluster (the target cluster is IPv4-only)", findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n"), IPv4Only));
    }

    // Step 7: headless without a selector defaults to RequireDualStack and takes both families even on a single-stack cluster.
    [Fact]
    public void Step7_headless_selectorless_is_dual_stack_by_default_even_on_a_single_stack_cluster()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: h}\nspec:\n  clusterIP: None\n  ipFamilies: [IPv4, IPv6]\n";
        Assert.Empty(ManifestTestHelper.Lint(yaml, IPv4Only));
        Assert.Empty(ManifestTestHelper.Lint(yaml, Dual));
        Assert.Empty(ManifestTestHelper.Lint(yaml.Replace("  ipFamilies: [IPv4, IPv6]\n", "  ipFamilyPolicy: RequireDualStack\n"), IPv6Only));
    }

    [Fact]
    public void Step7_headless_with_a_selector_is_not_the_special_case()
    {
        Assert.Equal(["DS2004 8:15 spec.ipFamilyPolicy"], ManifestTestHelper.Lint(With("  ipFamilies: [IPv4, IPv6]\n  clusterIP: None\n")).Describe());
    }

    // Step 8
    [Fact]
    public void Step8_RequireDualStack_on_a_single_stack_cluster_is_DS2006()
    {
        var findings = ManifestTestHelper.Lint(With("  ipFamilyPolicy: RequireDualStack\n"), IPv4Only);
        Assert.Equal(["DS2006 8:19 spec.ipFamilyPolicy"], findings.Describe());
        Assert.StartsWith("Invalid value: \"RequireDualStack\": this cluster is not configured for dual-stack services (the target cluster is IPv4-only)", findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: RequireDualStack\n"), Dual));
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\n"), IPv4Only));
    }

    // Step 9: explicit families must be configured, with PreferDualStack too.
    [Fact]
    public void Step9_requested_family_not_configured_is_DS2006_per_index()
    {
        Assert.Equal(["DS2006 8:22 spec.ipFamilies[1]"], ManifestTestHelper.Lint(With("  ipFamilies: [IPv4, IPv6]\n  ipFamilyPolicy: PreferDualStack\n"), IPv4Only).Describe());
        Assert.Equal(["DS2006 8:16 spec.ipFamilies[0]"], ManifestTestHelper.Lint(With("  ipFamilies: [IPv6]\n"), IPv4Only).Describe());
        Assert.Equal(["DS2006 8:16 spec.ipFamilies[0]"], ManifestTestHelper.Lint(With("  ipFamilies: [IPv4]\n"), IPv6Only).Describe());
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilies: [IPv6]\n"), IPv6Only));
    }

    // Step 10: PreferDualStack without families is dual-stack on a dual-stack cluster and silently single-stack otherwise.
    [Fact]
    public void Step10_PreferDualStack_without_families_is_clean_on_every_target()
    {
        foreach (var options in new[] { Dual, IPv4Only, IPv6Only })
        {
            Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\n"), options));
        }
    }

    // Step 11: a requested cluster IP outside the cluster's service range, known from a cluster configuration file of the run.
    [Fact]
    public void Step11_cluster_IP_outside_the_known_service_range_is_DS2006()
    {
        var findings = LintWithKubeadm("  clusterIP: 10.97.0.10\n  clusterIPs: [10.97.0.10, \"fd00:10:96::a\"]\n  ipFamilyPolicy: PreferDualStack\n");
        Assert.Equal(["DS2006 9:16 spec.clusterIPs"], findings.Describe("DS2006"));
        Assert.EndsWith(
            "failed to allocate IP 10.97.0.10: the provided IP (10.97.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/16",
            findings.First(f => f.RuleId == "DS2006").Message);

        Assert.Empty(LintWithKubeadm("  clusterIP: 10.96.0.10\n  ipFamilyPolicy: PreferDualStack\n").Describe("DS2006"));
        Assert.Equal(["DS2006 8:14 spec.clusterIPs"], LintWithKubeadm("  clusterIP: 10.96.0.0\n  ipFamilyPolicy: PreferDualStack\n").Describe("DS2006"));
        Assert.Equal(["DS2006 8:14 spec.clusterIPs"], LintWithKubeadm("  clusterIP: 10.96.255.255\n  ipFamilyPolicy: PreferDualStack\n").Describe("DS2006"));

        // Without a cluster configuration file the range is unknown, so nothing is said.
        Assert.Empty(ManifestTestHelper.Lint(With("  clusterIP: 10.97.0.10\n  ipFamilyPolicy: PreferDualStack\n")).Describe("DS2006"));
    }

    private static IReadOnlyList<Finding> LintWithKubeadm(string serviceRest)
    {
        const string kubeadm = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16,fd00:10:244::/56\n  serviceSubnet: 10.96.0.0/16,fd00:10:96::/112\n";
        return ManifestTestHelper.Lint([SourceFile.FromText("kubeadm.yaml", kubeadm), SourceFile.FromText("svc.yaml", With(serviceRest))])
            .Where(f => f.File == "svc.yaml")
            .ToList();
    }
}
