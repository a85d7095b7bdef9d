using DualStack.Manifests.Checks;
using DualStack.Manifests.Tests.Checks.ClusterConfig;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks;

/// <summary>Every DS3xxx rule of the catalog is reported by a registered check (kube-linter's every-check-is-wired guard).</summary>
public sealed class CheckRegistryTests
{
    [Fact]
    public void Every_cluster_configuration_rule_has_a_registered_check()
    {
        var declared = CheckRegistry.ObjectChecks.SelectMany(c => c.RuleIds)
            .Concat(CheckRegistry.DocumentChecks.SelectMany(c => c.RuleIds))
            .Concat(CheckRegistry.RunChecks.SelectMany(c => c.RuleIds))
            .Concat(CheckRegistry.SummaryChecks.SelectMany(c => c.RuleIds))
            .ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalog.All.Where(r => r.Id.StartsWith("DS3", StringComparison.Ordinal) && !declared.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void IPv4_documentation_ranges_get_IPv4_advice()
    {
        var finding = ConfigLint.Lint("cluster-cidr: 192.0.2.0/24\nservice-cidr: 10.43.0.0/16\n").Single(f => f.RuleId == "DS3011");
        Assert.Equal((1, 15, "cluster-cidr"), (finding.Line, finding.Column, finding.Field));
        Assert.EndsWith("use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or addresses you own", finding.Message, StringComparison.Ordinal);
    }
}
