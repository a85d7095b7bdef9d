using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.IpValues;

public sealed class DS2050NonStandardIpTests
{
    private static readonly LintOptions V135 = new() { KubernetesVersion = new KubernetesVersion(1, 35) };
    private static readonly LintOptions V136 = new() { KubernetesVersion = new KubernetesVersion(1, 36) };

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.IpFields), MemberType = typeof(LegacyFieldTemplates))]
    public void Leading_zeros_in_a_legacy_IP_field_warn_before_1_36(string template)
    {
        var (yaml, line, column, field, _) = LegacyFieldTemplates.All[template];
        var text = yaml.Replace("VALUE", "010.1.1.1");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V135), f => f.RuleId == "DS2050");
        Assert.Equal($"DS2050 {line}:{column} {field}", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(
            $"non-standard IP address \"010.1.1.1\" will be considered invalid in a future Kubernetes release: use \"10.1.1.1\""
            + " (Kubernetes 1.36 rejects it: \"must not have leading 0s\")",
            finding.Message);
        Assert.Equal(text.Replace("010.1.1.1", "10.1.1.1"), FixText.Apply(text, finding));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.IpFields), MemberType = typeof(LegacyFieldTemplates))]
    public void Leading_zeros_in_a_legacy_IP_field_are_errors_from_1_36(string template)
    {
        var (yaml, line, column, warningField, _) = LegacyFieldTemplates.All[template];
        var field = ErrorField(warningField);
        var text = yaml.Replace("VALUE", "010.1.1.1");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal($"DS2050 {line}:{column} {field}", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal($"Invalid value: \"010.1.1.1\": must not have leading 0s; use \"10.1.1.1\"", finding.Message);
        Assert.Equal(text.Replace("010.1.1.1", "10.1.1.1"), FixText.Apply(text, finding));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.IpFields), MemberType = typeof(LegacyFieldTemplates))]
    public void IPv4_mapped_IPv6_in_a_legacy_IP_field_is_fixed_to_plain_IPv4(string template)
    {
        var (yaml, line, column, field, _) = LegacyFieldTemplates.All[template];
        var text = yaml.Replace("VALUE", "\"::ffff:10.1.1.1\"").Replace("\"\"", "\"").Replace("''::ffff:10.1.1.1\"'", "'::ffff:10.1.1.1'");
        var findings = ManifestTestHelper.Lint(text, V136).Where(f => f.RuleId == "DS2050").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal(ErrorField(field), finding.Field);
        Assert.Equal(line, finding.Line);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("must not be an IPv4-mapped IPv6 address; use \"10.1.1.1\"", finding.Message);
        Assert.Contains("10.1.1.1", FixText.Apply(text, finding));
        Assert.DoesNotContain("::ffff:", FixText.Apply(text, finding));
        _ = column;
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.IpFields), MemberType = typeof(LegacyFieldTemplates))]
    public void A_standard_IP_in_a_legacy_field_is_silent(string template)
    {
        var text = LegacyFieldTemplates.All[template].Yaml.Replace("VALUE", "10.1.1.1");
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
        Assert.Empty(ManifestTestHelper.Lint(text, V135).Describe("DS2050"));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.CidrFields), MemberType = typeof(LegacyFieldTemplates))]
    public void Host_bits_in_a_legacy_CIDR_field_warn_before_1_36(string template)
    {
        var (yaml, line, column, field, _) = LegacyFieldTemplates.All[template];
        var text = yaml.Replace("VALUE", "10.1.2.3/8");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V135), f => f.RuleId == "DS2050");
        Assert.Equal($"DS2050 {line}:{column} {field}", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(
            $"CIDR value \"10.1.2.3/8\" is ambiguous in this context (should be \"10.0.0.0/8\" or \"10.1.2.3/32\"?)"
            + " (Kubernetes 1.36 rejects it: \"must not have bits set beyond the prefix length\")",
            finding.Message);
        Assert.Equal(text.Replace("10.1.2.3/8", "10.0.0.0/8"), FixText.Apply(text, finding));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.CidrFields), MemberType = typeof(LegacyFieldTemplates))]
    public void Host_bits_in_a_legacy_CIDR_field_are_errors_from_1_36(string template)
    {
        var (yaml, line, column, warningField, _) = LegacyFieldTemplates.All[template];
        var field = ErrorField(warningField);
        var text = yaml.Replace("VALUE", "10.1.2.3/8");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal($"DS2050 {line}:{column} {field}", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(
            $"Invalid value: \"10.1.2.3/8\": must not have bits set beyond the prefix length; use \"10.0.0.0/8\""
            + " (or \"10.1.2.3/32\" if the single address was meant)",
            finding.Message);
        Assert.Equal(text.Replace("10.1.2.3/8", "10.0.0.0/8"), FixText.Apply(text, finding));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.CidrFields), MemberType = typeof(LegacyFieldTemplates))]
    public void Leading_zeros_in_a_legacy_CIDR_field_are_fixed(string template)
    {
        var (yaml, line, column, field, _) = LegacyFieldTemplates.All[template];
        var text = yaml.Replace("VALUE", "010.0.0.0/8");
        var v135 = Assert.Single(ManifestTestHelper.Lint(text, V135), f => f.RuleId == "DS2050");
        Assert.Equal(
            $"non-standard CIDR value \"010.0.0.0/8\" will be considered invalid in a future Kubernetes release: use \"10.0.0.0/8\""
            + " (Kubernetes 1.36 rejects it: \"must not have leading 0s in IP or prefix length\")",
            v135.Message);
        var v136 = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal($"DS2050 {line}:{column} {ErrorField(field)}", new[] { v136 }.Describe().Single());
        Assert.Equal(Severity.Error, v136.Severity);
        Assert.Equal(text.Replace("010.0.0.0/8", "10.0.0.0/8"), FixText.Apply(text, v136));
    }

    [Theory]
    [MemberData(nameof(LegacyFieldTemplates.CidrFields), MemberType = typeof(LegacyFieldTemplates))]
    public void A_standard_CIDR_in_a_legacy_field_is_silent(string template)
    {
        var text = LegacyFieldTemplates.All[template].Yaml.Replace("VALUE", "10.0.0.0/8");
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
        Assert.Empty(ManifestTestHelper.Lint(text, V135).Describe("DS2050"));
    }

    [Fact]
    public void Non_canonical_IPv6_is_info_in_every_version_with_a_canonical_fix()
    {
        var text = LegacyFieldTemplates.All["Service.externalIPs"].Yaml.Replace("VALUE", "2001:0DB8:0:0::1");
        foreach (var options in new[] { V135, V136 })
        {
            var finding = Assert.Single(ManifestTestHelper.Lint(text, options), f => f.RuleId == "DS2050");
            Assert.Equal("DS2050 8:5 spec.externalIPs[1]", new[] { finding }.Describe().Single());
            Assert.Equal(Severity.Info, finding.Severity);
            Assert.Equal("IPv6 address \"2001:0DB8:0:0::1\" should be in RFC 5952 canonical format (\"2001:db8::1\")", finding.Message);
            Assert.Equal(text.Replace("2001:0DB8:0:0::1", "2001:db8::1"), FixText.Apply(text, finding));
        }
    }

    [Fact]
    public void Non_canonical_IPv6_CIDR_is_info()
    {
        var text = LegacyFieldTemplates.All["NetworkPolicy.cidr"].Yaml.Replace("VALUE", "2001:DB8::/32");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("IPv6 CIDR value \"2001:DB8::/32\" should be in RFC 5952 canonical format (\"2001:db8::/32\")", finding.Message);
    }

    [Fact]
    public void Unparseable_values_are_left_to_the_field_rules()
    {
        var text = LegacyFieldTemplates.All["NetworkPolicy.cidr"].Yaml.Replace("VALUE", "10.0.0.0/33");
        var findings = ManifestTestHelper.Lint(text, V136);
        Assert.Empty(findings.Describe("DS2050"));
        Assert.Equal(["DS2020 10:15 spec.ingress[0].from[0].ipBlock.cidr"], findings.Describe("DS2020"));
    }

    [Fact]
    public void Source_ranges_are_trimmed_and_only_the_value_is_replaced()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - \" 10.1.2.3/8\"\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal("DS2050 8:5 spec.LoadBalancerSourceRanges[0]", new[] { finding }.Describe().Single());
        Assert.StartsWith("Invalid value: \"10.1.2.3/8\": must not have bits set beyond the prefix length", finding.Message);
        Assert.Equal(text.Replace(" 10.1.2.3/8", " 10.0.0.0/8"), FixText.Apply(text, finding));
    }

    [Fact]
    public void LoadBalancerIP_is_never_rejected_so_it_stays_a_warning_in_1_36()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerIP: 010.1.1.1\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal("DS2050 7:19 spec.loadBalancerIP", new[] { finding }.Describe().Single());
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("non-standard IP address \"010.1.1.1\" is invalid: use \"10.1.1.1\"", finding.Message);
    }

    [Fact]
    public void ClusterIP_None_and_FQDN_slices_are_not_IP_values()
    {
        var text = """
            apiVersion: v1
            kind: Service
            metadata: {name: headless}
            spec:
              clusterIP: None
              clusterIPs: [None]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: e}
            addressType: FQDN
            endpoints:
            - addresses: [010.1.1.1]
            """;
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
    }

    [Fact]
    public void Values_of_the_wrong_yaml_type_are_skipped()
    {
        var text = """
            apiVersion: v1
            kind: Service
            metadata: {name: odd}
            spec:
              clusterIPs: {a: 1}
              externalIPs: [[010.1.1.1], {ip: 010.1.1.1}, ~]
              loadBalancerSourceRanges: 10.1.2.3/8
            status: [1]
            """;
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS0002"));
    }

    [Fact]
    public void ServiceCIDR_cidrs_are_DS2041_not_DS2050()
    {
        var text = "apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: s\nspec:\n  cidrs: [10.1.2.3/8]\n";
        var findings = ManifestTestHelper.Lint(text, V135);
        Assert.Empty(findings.Describe("DS2050"));
        Assert.Equal(["DS2041 6:11 spec.cidrs[0]"], findings.Describe("DS2041"));
    }

    [Fact]
    public void A_CronJob_pod_template_is_searched_for_host_aliases()
    {
        var text = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: c}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      hostAliases:
                      - ip: "::ffff:192.0.2.1"
            """;
        Assert.Equal(["DS2050 10:17 spec.jobTemplate.spec.template.spec.hostAliases[0].ip"], ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
    }

    private const string AnnotatedService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: lb
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.1.7/24,010.2.0.0/16"
        spec:
          type: LoadBalancer
        """;

    [Fact]
    public void Source_ranges_annotation_items_are_errors_from_1_36_with_fixes_inside_the_value()
    {
        var findings = ManifestTestHelper.Lint(AnnotatedService, V136).Where(f => f.RuleId == "DS2050").ToList();
        const string path = "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]";
        Assert.Equal([$"DS2050 6:61 {path}", $"DS2050 6:61 {path}"], findings.Describe());
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        var hostBits = Assert.Single(findings, f => f.Message.Contains("192.168.1.7/24"));
        Assert.Equal($"Invalid value: \"192.168.1.7/24\": must not have bits set beyond the prefix length; use \"192.168.1.0/24\" (or \"192.168.1.7/32\" if the single address was meant)", hostBits.Message);
        Assert.Equal(AnnotatedService.Replace("192.168.1.7/24", "192.168.1.0/24"), FixText.Apply(AnnotatedService, hostBits));
        var zeros = Assert.Single(findings, f => f.Message.Contains("010.2.0.0/16"));
        Assert.Equal(AnnotatedService.Replace(",010.2.0.0/16", ",10.2.0.0/16"), FixText.Apply(AnnotatedService, zeros));
    }

    [Fact]
    public void Source_ranges_annotation_items_warn_before_1_36_in_this_engine_s_words()
    {
        var findings = ManifestTestHelper.Lint(AnnotatedService, V135).Where(f => f.RuleId == "DS2050").ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Message == "CIDR value \"192.168.1.7/24\" has bits set beyond the prefix length: use \"192.168.1.0/24\" (or \"192.168.1.7/32\" if the single address was meant) (Kubernetes 1.36 rejects it: \"must not have bits set beyond the prefix length\")");
    }

    [Fact]
    public void Source_ranges_annotation_is_ignored_when_the_field_is_set()
    {
        var text = AnnotatedService + "  loadBalancerSourceRanges: [10.0.0.0/8]\n";
        Assert.Empty(ManifestTestHelper.Lint(text, V136).Describe("DS2050"));
    }

    [Fact]
    public void Findings_can_be_suppressed_on_the_line_and_on_the_object()
    {
        var comment = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\nspec:\n  # dslint-disable-next-line DS2050 fixture copied from a live cluster\n  podCIDR: 10.1.2.3/8\n";
        Assert.Empty(ManifestTestHelper.Lint(comment, V136).Describe("DS2050"));
        var annotation = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  annotations:\n    dualstack-lint.io/ignore: \"DS2050: fixture\"\nspec:\n  podCIDR: 10.1.2.3/8\n";
        Assert.Empty(ManifestTestHelper.Lint(annotation, V136).Describe("DS2050"));
    }

    // The API server validates loadBalancerSourceRanges under spec.LoadBalancerSourceRanges (capital L) but warns under
    // the JSON name; errors carry the validation path.
    private static string ErrorField(string field) => field.Replace("spec.loadBalancerSourceRanges", "spec.LoadBalancerSourceRanges");

    [Fact]
    public void IPv4_mapped_CIDR_with_host_bits_is_fixed_to_the_IPv4_network()
    {
        var text = LegacyFieldTemplates.All["NetworkPolicy.cidr"].Yaml.Replace("VALUE", "\"::ffff:10.1.2.3/104\"");
        var finding = Assert.Single(ManifestTestHelper.Lint(text, V136), f => f.RuleId == "DS2050");
        Assert.Equal(
            "Invalid value: \"::ffff:10.1.2.3/104\": must not have an IPv4-mapped IPv6 address; use \"10.0.0.0/8\" (or \"10.1.2.3/32\" if the single address was meant)",
            finding.Message);
        Assert.Equal(text.Replace("::ffff:10.1.2.3/104", "10.0.0.0/8"), FixText.Apply(text, finding));
    }
}
