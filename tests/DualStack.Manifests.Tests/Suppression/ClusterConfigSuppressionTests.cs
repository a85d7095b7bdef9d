using DualStack.Manifests.Tests.Checks.ClusterConfig;

namespace DualStack.Manifests.Tests.Suppression;

/// <summary>The suppression forms the DS3xxx pages document work on cluster configuration findings.</summary>
public sealed class ClusterConfigSuppressionTests
{
    [Fact]
    public void A_next_line_comment_suppresses_a_launch_configuration_finding()
    {
        var yaml = DS3008DS3009DS3010DS3013MicroK8sLaunchConfigurationTests.Documented.Replace("  IPv6_SUPPORT: true", "  # dslint-disable-next-line DS3009 the IPv6 range is routed later\n  IPv6_SUPPORT: True", StringComparison.Ordinal);
        var findings = ConfigLint.Lint(yaml, "microk8s.yaml");
        Assert.DoesNotContain(findings, f => f.RuleId == "DS3009" && f.Field == "extraCNIEnv.IPv6_SUPPORT");
        Assert.Contains(findings, f => f.RuleId == "DS3009" && f.Field == "extraCNIEnv.IPv6_CLUSTER_CIDR");
    }

    [Fact]
    public void The_ignore_annotation_suppresses_findings_inside_a_Calico_pool()
    {
        var yaml = "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p\n  annotations:\n    dualstack-lint.io/ignore: \"DS3010: test pool\"\nspec:\n  cidr: fd00::/64\n  ipipMode: Always\n";
        Assert.DoesNotContain(ConfigLint.Lint(yaml), f => f.RuleId == "DS3010");
        Assert.Contains(ConfigLint.Lint(yaml.Replace("    dualstack-lint.io/ignore: \"DS3010: test pool\"\n", "    a: b\n", StringComparison.Ordinal)), f => f.RuleId == "DS3010");
    }
}
