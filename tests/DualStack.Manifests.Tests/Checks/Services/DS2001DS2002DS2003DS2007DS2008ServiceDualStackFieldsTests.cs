using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>Spec §2 S1–S13: what the API server's validation rejects in a Service's dual-stack fields.</summary>
public sealed class DS2001DS2002DS2003DS2007DS2008ServiceDualStackFieldsTests
{
    // S1
    [Fact]
    public void S1_ExternalName_with_family_fields_is_DS2007_on_each_key()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: ext}
            spec:
              type: ExternalName
              externalName: db.example.com
              clusterIP: 10.0.0.10
              ipFamilies: [IPv4]
              ipFamilyPolicy: SingleStack
            """;
        Assert.Equal(["DS2007 7:3 spec.clusterIPs", "DS2007 8:3 spec.ipFamilies", "DS2007 9:3 spec.ipFamilyPolicy"], LintAllButDs2005(yaml));
        var finding = ManifestTestHelper.Lint(yaml).First(f => f.RuleId == "DS2007");
        Assert.StartsWith("Forbidden: may not be set for ExternalName services", finding.Message);
    }

    [Fact]
    public void S1_ExternalName_without_family_fields_is_clean()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  clusterIP: \"\"\n";
        Assert.Empty(ManifestTestHelper.Lint(yaml));
    }

    // S2: on create the API server fills clusterIPs from clusterIP, so clusterIP alone is fine.
    [Fact]
    public void S2_clusterIP_alone_is_normalised_and_clean()
    {
        Assert.Empty(LintAllButDs2005(With("  clusterIP: 10.0.0.10\n")));
        Assert.Empty(LintAllButDs2005(With("  clusterIP: 10.0.0.10\n  clusterIPs: []\n")));
    }

    // S3
    [Fact]
    public void S3_first_clusterIPs_value_must_match_clusterIP()
    {
        var findings = ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.11, fd00::10]\n  ipFamilyPolicy: PreferDualStack\n"));
        Assert.Equal(["DS2003 9:16 spec.clusterIPs"], findings.Describe());
        Assert.Equal(
            "Invalid value: [\"10.0.0.11\",\"fd00::10\"]: first value must match `clusterIP` (clusterIP is \"10.0.0.10\", clusterIPs[0] is \"10.0.0.11\")",
            findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, fd00::10]\n  ipFamilyPolicy: PreferDualStack\n")));
    }

    // S4
    [Fact]
    public void S4_clusterIPs_without_clusterIP_is_DS2003_at_the_list()
    {
        Assert.Equal(["DS2003 8:15 spec.clusterIPs"], LintAllButDs2005(With("  clusterIPs: [10.0.0.10]\n")));
        Assert.Equal(["DS2003 8:15 spec.clusterIPs"], LintAllButDs2005(With("  clusterIPs: [10.0.0.10]\n  clusterIP: \"\"\n")));
    }

    // S5
    [Fact]
    public void S5_ipFamilies_values_are_case_sensitive()
    {
        var findings = ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\n  ipFamilies:\n  - ipv4\n  - IPv6\n"));
        Assert.Equal(["DS2002 10:5 spec.ipFamilies[0]"], findings.Describe());
        Assert.Equal("Unsupported value: \"ipv4\": supported values: \"IPv4\", \"IPv6\"", findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\n  ipFamilies:\n  - IPv4\n  - IPv6\n")));
    }

    // S6: the duplicate check is what limits the list to two.
    [Fact]
    public void S6_duplicate_and_third_families_are_DS2002()
    {
        var findings = ManifestTestHelper.Lint(With("  ipFamilies: [IPv4, IPv4]\n"));
        Assert.Equal(["DS2002 8:22 spec.ipFamilies[1]"], findings.Describe("DS2002"));
        Assert.StartsWith("Duplicate value: \"IPv4\"", findings.First(f => f.RuleId == "DS2002").Message);
        Assert.Equal(["DS2002 8:28 spec.ipFamilies[2]"], Lint(With("  ipFamilies: [IPv4, IPv6, IPv4]\n  ipFamilyPolicy: PreferDualStack\n"), "DS2002"));
        Assert.Empty(Lint(With("  ipFamilies: [IPv6, IPv4]\n  ipFamilyPolicy: PreferDualStack\n"), "DS2002"));
    }

    [Fact]
    public void The_removed_alpha_field_ipFamily_is_DS2002_with_a_fix_to_ipFamilies()
    {
        var yaml = With("  ipFamily: IPv6\n  type: ClusterIP\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2002");
        Assert.Equal("DS2002 8:3 spec.ipFamily", Assert.Single(new[] { finding }.Describe()));
        Assert.StartsWith("unknown field (the alpha field of Kubernetes 1.16–1.19, replaced by spec.ipFamilies in 1.20)", finding.Message);
        Assert.Equal(yaml.Replace("ipFamily: IPv6", "ipFamilies: [IPv6]"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));

        var both = Assert.Single(ManifestTestHelper.Lint(With("  ipFamily: IPv6\n  ipFamilies: [IPv6]\n")), f => f.RuleId == "DS2002");
        Assert.Null(both.Fix);
    }

    // S7
    [Fact]
    public void S7_policy_in_the_wrong_case_is_DS2001_with_a_fix_to_the_exact_spelling()
    {
        var yaml = With("  ipFamilyPolicy: preferDualStack\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2001");
        Assert.Equal("DS2001 8:19 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.StartsWith(
            "Unsupported value: \"preferDualStack\": supported values: \"PreferDualStack\", \"RequireDualStack\", \"SingleStack\"",
            finding.Message);
        Assert.Equal(yaml.Replace("preferDualStack", "PreferDualStack"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void S7_quoted_lower_case_policy_keeps_its_quotes_and_an_unknown_policy_has_no_fix()
    {
        var yaml = With("  ipFamilyPolicy: \"singlestack\"\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml), f => f.RuleId == "DS2001");
        Assert.Equal(yaml.Replace("singlestack", "SingleStack"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));

        var unknown = Assert.Single(ManifestTestHelper.Lint(With("  ipFamilyPolicy: DualStack\n")), f => f.RuleId == "DS2001");
        Assert.Null(unknown.Fix);
        Assert.Equal("DS2001 8:19 spec.ipFamilyPolicy", Assert.Single(new[] { unknown }.Describe()));
    }

    [Fact]
    public void S7_null_policy_is_valid_and_defaulted()
    {
        Assert.Empty(Lint(With("  ipFamilyPolicy: ~\n"), "DS2001"));
        Assert.Empty(Lint(With("  ipFamilyPolicy: RequireDualStack\n"), "DS2001"));
    }

    // S8
    [Fact]
    public void S8_None_must_be_the_only_value()
    {
        var yaml = With("  clusterIP: None\n  clusterIPs: [None, fd00::1]\n  ipFamilyPolicy: RequireDualStack\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(["DS2003 9:16 spec.clusterIPs"], findings.Describe());
        Assert.Contains("'None' must be the first and only value", findings[0].Message);
        Assert.Empty(ManifestTestHelper.Lint(With("  clusterIP: None\n  clusterIPs: [None]\n")).Describe("DS2003"));
    }

    // S9: only values the sloppy parser refuses; leading zeros and IPv4-mapped values are DS2050's.
    [Fact]
    public void S9_unparseable_cluster_IPs_are_DS2003_per_index()
    {
        var findings = ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, \"fd00::1%eth0\"]\n  ipFamilyPolicy: PreferDualStack\n"));
        Assert.Equal(["DS2003 9:27 spec.clusterIPs[1]"], findings.Describe());
        Assert.Equal("Invalid value: \"fd00::1%eth0\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", findings[0].Message);
        Assert.Equal(["DS2003 8:14 spec.clusterIPs[0]"], LintAllButDs2005(With("  clusterIP: 10.0.0.300\n")));
        Assert.Empty(Lint(With("  clusterIP: 010.000.000.010\n"), "DS2003"));
    }

    [Fact]
    public void S9_strict_only_problems_stop_the_pair_checks_from_1_36_and_not_before()
    {
        // Leading zeros are DS2050's; on 1.36 they make the IP invalid, so upstream never reaches the pair check (S11).
        var yaml = With("  clusterIP: 010.0.0.10\n  clusterIPs: [010.0.0.10, 10.0.0.11]\n  ipFamilyPolicy: RequireDualStack\n");
        Assert.Empty(Lint(yaml, "DS2003"));
        Assert.Equal(["DS2003 9:28 spec.clusterIPs"], Lint(yaml, "DS2003", new Rules.LintOptions { KubernetesVersion = new Rules.KubernetesVersion(1, 35) }));
    }

    [Fact]
    public void S9_None_or_empty_after_the_first_value_is_an_invalid_IP_and_stops_the_pair_checks()
    {
        Assert.Equal(["DS2003 8:27 spec.clusterIPs[1]"], Lint(With("  clusterIPs: [10.0.0.10, None]\n  clusterIP: 10.0.0.10\n  ipFamilyPolicy: RequireDualStack\n"), "DS2003"));
    }

    // S10
    [Fact]
    public void S10_more_than_two_cluster_IPs_is_DS2003_at_the_third()
    {
        var yaml = With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, fd00::10, 10.0.0.11]\n  ipFamilyPolicy: RequireDualStack\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(["DS2003 9:37 spec.clusterIPs"], findings.Describe());
        Assert.Contains("may only hold up to 2 values", findings[0].Message);
    }

    // S11
    [Fact]
    public void S11_two_cluster_IPs_of_one_family_is_DS2003()
    {
        var findings = ManifestTestHelper.Lint(With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, 10.0.0.11]\n  ipFamilyPolicy: RequireDualStack\n"));
        Assert.Equal(["DS2003 9:27 spec.clusterIPs"], findings.Describe());
        Assert.Contains("may specify no more than one IP for each IP family (both are IPv4)", findings[0].Message);

        // IPv4-mapped IPv6 counts as IPv4 (k8s.io/utils/net), so this is not a dual-stack pair either (before 1.36, when
        // the strict layer does not yet reject the mapped form; from 1.36 that is DS2050's and S11 is not reached).
        var mapped = With("  clusterIP: 10.0.0.10\n  clusterIPs: [10.0.0.10, \"::ffff:10.0.0.11\"]\n  ipFamilyPolicy: RequireDualStack\n");
        Assert.Equal(["DS2003 9:27 spec.clusterIPs"], Lint(mapped, "DS2003", new Rules.LintOptions { KubernetesVersion = new Rules.KubernetesVersion(1, 35) }));
        Assert.Empty(Lint(mapped, "DS2003"));
    }

    // S12
    [Fact]
    public void S12_cluster_IP_must_match_the_family_at_its_index()
    {
        var findings = ManifestTestHelper.Lint(With("  clusterIP: fd00::10\n  ipFamilies: [IPv4]\n"));
        Assert.Equal(["DS2003 8:14 spec.clusterIPs[0]"], findings.Describe("DS2003"));
        Assert.Equal("Invalid value: \"fd00::10\": expected an IPv4 value as indicated by `ipFamilies[0]`",
            findings.First(f => f.RuleId == "DS2003").Message);

        var swapped = With("  clusterIP: fd00::10\n  clusterIPs: [fd00::10, 10.0.0.1]\n  ipFamilies: [IPv4, IPv6]\n  ipFamilyPolicy: RequireDualStack\n");
        Assert.Equal(["DS2003 9:16 spec.clusterIPs[0]", "DS2003 9:26 spec.clusterIPs[1]"], Lint(swapped, "DS2003"));
        Assert.Empty(Lint(With("  clusterIP: fd00::10\n  ipFamilies: [IPv6]\n"), "DS2003"));
    }

    [Fact]
    public void S12_does_not_apply_to_headless_Services()
    {
        Assert.Empty(Lint(With("  clusterIP: None\n  ipFamilies: [IPv6]\n"), "DS2003"));
    }

    // S13
    [Theory]
    [InlineData("LoadBalancer")]
    [InlineData("NodePort")]
    public void S13_headless_LoadBalancer_or_NodePort_is_DS2008(string type)
    {
        var findings = ManifestTestHelper.Lint(With($"  type: {type}\n  clusterIP: None\n"));
        Assert.Equal(["DS2008 9:14 spec.clusterIPs[0]"], findings.Describe("DS2008"));
        Assert.StartsWith($"Invalid value: \"None\": may not be set to 'None' for {type} services", findings.First(f => f.RuleId == "DS2008").Message);
        Assert.Empty(Lint(With($"  type: {type}\n  clusterIP: 10.0.0.10\n"), "DS2008"));
        Assert.Empty(Lint(With("  type: ClusterIP\n  clusterIP: None\n"), "DS2008"));
    }

    // S14 (ports) is not an IP-family rule: no finding, also not for a headless Service without ports.
    [Fact]
    public void S14_ports_are_not_checked()
    {
        Assert.Empty(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: h}\nspec:\n  clusterIP: None\n  ipFamilyPolicy: RequireDualStack\n"));
    }

    [Fact]
    public void Odd_YAML_types_do_not_throw()
    {
        var yaml = With("  clusterIP: [a]\n  clusterIPs: {a: b}\n  ipFamilies: [[IPv4], ~]\n  ipFamilyPolicy: [x]\n  externalIPs: x\n  loadBalancerSourceRanges: [~]\n");
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Contains("DS2002 10:16 spec.ipFamilies[0]", findings.Describe());
        Assert.Empty(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: 3\n"));
        Assert.Empty(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n"));
    }
}
