namespace DualStack.Manifests.Tests.Checks.ClusterConfig;

/// <summary>DS3004: pod vs service, pools vs service, Calico pools among themselves, Docker's bridge; across files.</summary>
public sealed class DS3004OverlapTests
{
    [Fact]
    public void Pod_and_service_ranges_that_overlap_are_reported_at_the_service_range()
    {
        var yaml = "cluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16,fd00:42:0:1::/112\n";
        Assert.Equal(["DS3004 2:28 service-cidr"], ConfigLint.Describe(yaml, "DS3004"));
        Assert.Empty(ConfigLint.Describe("cluster-cidr: 10.42.0.0/16,fd00:42::/56\nservice-cidr: 10.43.0.0/16,fd00:43::/112\n", "DS3004"));
    }

    [Fact]
    public void Docker_bridge_overlap_is_reported()
    {
        var yaml = "cluster-cidr: 172.16.0.0/12\nservice-cidr: 10.43.0.0/16\n";
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3004");
        Assert.Equal((1, 15, "cluster-cidr", "k3s config"), (finding.Line, finding.Column, finding.Field, finding.Object));
        Assert.Contains("172.17.0.0/16", finding.Message, StringComparison.Ordinal);
        Assert.Empty(ConfigLint.Describe("cluster-cidr: 172.18.0.0/16\nservice-cidr: 10.43.0.0/16\n", "DS3004"));
    }

    [Fact]
    public void A_k3s_service_range_inside_a_Cilium_pool_is_found_across_files()
    {
        var result = ConfigLint.LintFiles(
            null,
            ("k3s.yaml", "service-cidr: \"fd00::/108\"\nflannel-backend: none\n"),
            ("cilium-values.yaml", "ipv4:\n  enabled: false\nipv6:\n  enabled: true\n"));
        var finding = Assert.Single(result.Findings, f => f.RuleId == "DS3004");
        Assert.Equal(("k3s.yaml", 1, 16, "service-cidr"), (finding.File, finding.Line, finding.Column, finding.Field));
        Assert.Equal("service range \"fd00::/108\" overlaps pool \"fd00::/104\" (the default of ipam.operator.clusterPoolIPv6PodCIDRList in cilium-values.yaml); addresses in both are routed to Services, not pods", finding.Message);
        Assert.Equal(["cilium-values.yaml", "k3s.yaml"], result.ClusterModelSources); // path order, whatever the input order

        var fixedPool = ConfigLint.LintFiles(
            null,
            ("k3s.yaml", "service-cidr: \"fd00::/108\"\nflannel-backend: none\n"),
            ("cilium-values.yaml", "ipv4:\n  enabled: false\nipv6:\n  enabled: true\nipam:\n  operator:\n    clusterPoolIPv6PodCIDRList: [\"fd01::/104\"]\n"));
        Assert.DoesNotContain(fixedPool.Findings, f => f.RuleId == "DS3004");
    }

    [Fact]
    public void Calico_pools_overlapping_each_other_are_reported_at_the_later_one()
    {
        var yaml = """
            apiVersion: projectcalico.org/v3
            kind: IPPool
            metadata:
              name: a
            spec:
              cidr: 10.244.0.0/16
            ---
            apiVersion: crd.projectcalico.org/v1
            kind: IPPool
            metadata:
              name: b
            spec:
              cidr: 10.244.128.0/17
            """;
        var finding = Assert.Single(ConfigLint.Lint(yaml), f => f.RuleId == "DS3004");
        Assert.Equal((13, 9, "spec.cidr", "IPPool/b"), (finding.Line, finding.Column, finding.Field, finding.Object));
        Assert.Empty(ConfigLint.Describe(yaml.Replace("10.244.128.0/17", "10.245.0.0/16", StringComparison.Ordinal), "DS3004"));
    }

    [Fact]
    public void Three_hundred_overlapping_Calico_pools_give_one_finding_per_pool_naming_three_earlier_pools_and_the_count()
    {
        // The input of the report: 29 KB that gave 44,850 findings (one per pair).
        var pools = string.Concat(Enumerable.Range(0, 300).Select(i =>
            $"apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p{i:D3}\nspec:\n  cidr: 10.244.0.0/16\n---\n"));

        var findings = ConfigLint.Lint(pools, "pools.yaml").Where(f => f.RuleId == "DS3004").ToList();

        Assert.Equal(299, findings.Count);
        var last = Assert.Single(findings, f => f.Object == "IPPool/p299");
        Assert.Equal(
            "IP pool CIDR \"10.244.0.0/16\" overlaps 299 earlier IP pools: \"10.244.0.0/16\" (spec.cidr in pools.yaml:6), " +
            "\"10.244.0.0/16\" (spec.cidr in pools.yaml:13), \"10.244.0.0/16\" (spec.cidr in pools.yaml:20) and 296 more; " +
            "Calico refuses to create overlapping pools",
            last.Message);
    }

    [Fact]
    public void A_service_range_overlapping_many_pools_gets_one_finding_naming_them()
    {
        var pools = string.Concat(Enumerable.Range(0, 5).Select(i =>
            $"apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: p{i}\nspec:\n  cidr: 10.96.{i}.0/24\n---\n"));

        var result = ConfigLint.LintFiles(null, ("k3s.yaml", "service-cidr: 10.96.0.0/12\n"), ("pools.yaml", pools));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DS3004" && f.File == "k3s.yaml");
        Assert.StartsWith("service range \"10.96.0.0/12\" overlaps 5 ranges: pool \"10.96.0.0/24\" (", finding.Message, StringComparison.Ordinal);
        Assert.Contains(" and 2 more; addresses in both are routed to Services, not pods", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "DS3004" && f.File == "pools.yaml" && f.Message.Contains("overlaps IP pool", StringComparison.Ordinal));
    }
}
