using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>DS2010: spec §2 S16 (field), S17 (annotation), and IPv4-only ranges on a dual-stack LoadBalancer.</summary>
public sealed class DS2010LoadBalancerSourceRangesTests
{
    [Fact]
    public void S16_field_on_a_ClusterIP_Service_is_forbidden_under_the_capitalised_path()
    {
        var findings = ManifestTestHelper.Lint(With("  ipFamilyPolicy: PreferDualStack\n  loadBalancerSourceRanges: [10.0.0.0/8]\n"));
        Assert.Equal(["DS2010 9:3 spec.LoadBalancerSourceRanges"], findings.Describe());
        Assert.StartsWith("Forbidden: may only be used when `type` is 'LoadBalancer'", findings[0].Message);
        Assert.Equal(Rules.Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void S16_each_item_is_trimmed_then_parsed_sloppily()
    {
        var yaml = With("  ipFamilyPolicy: PreferDualStack\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n  - \" 10.0.0.0/8 \"\n  - \"   \"\n  - 10.0.0.1\n  - \"::/0\"\n  - 10.1.2.3/8\n");
        // 10.1.2.3/8 (host bits) is DS2050's, not this rule's.
        var findings = ManifestTestHelper.Lint(yaml).Where(f => f.RuleId == "DS2010").ToList();
        Assert.Equal(["DS2010 12:5 spec.LoadBalancerSourceRanges[1]", "DS2010 13:5 spec.LoadBalancerSourceRanges[2]"], findings.Describe());
        Assert.Equal("Invalid value: \"\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", findings[0].Message);
    }

    [Fact]
    public void S17_annotation_is_forbidden_on_non_LoadBalancer_and_checked_per_item_when_the_field_is_empty()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: \"10.0.0.0/8, bad, \"\nspec:\n  type: NodePort\n  ipFamilyPolicy: PreferDualStack\n  selector: {app: web}\n  ports: [{port: 80}]\n";
        var findings = ManifestTestHelper.Lint(yaml);
        const string path = "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]";
        // Each bad item is pointed at inside the value ("bad" at column 74; the empty last item where it would be).
        Assert.Equal([$"DS2010 6:5 {path}", $"DS2010 6:74 {path}", $"DS2010 6:79 {path}"], findings.Describe());
        Assert.Contains(findings, f => f.Message == $"Invalid value: \"bad\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        Assert.Contains(findings, f => f.Message == $"Invalid value: \"\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
    }

    [Fact]
    public void S17_an_annotation_written_with_escapes_or_over_lines_is_reported_at_its_value()
    {
        const string path = "metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]";
        var escaped = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: \"10.0.0.0/8,\\tbad\"\nspec:\n  type: LoadBalancer\n  ipFamilyPolicy: PreferDualStack\n  selector: {app: web}\n  ports: [{port: 80}]\n";
        Assert.Equal([$"DS2010 6:61 {path}"], ManifestTestHelper.Lint(escaped).Describe());
        var folded = escaped.Replace("\"10.0.0.0/8,\\tbad\"", ">-\n      10.0.0.0/8,\n      bad");
        Assert.Equal([$"DS2010 6:61 {path}"], ManifestTestHelper.Lint(folded).Describe());
    }

    [Fact]
    public void S17_annotation_is_ignored_when_the_field_is_set_and_empty_is_allowed()
    {
        var head = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: \"{0}\"\nspec:\n  type: LoadBalancer\n  ipFamilyPolicy: PreferDualStack\n  selector: {app: web}\n  ports: [{port: 80}]\n";
        Assert.Empty(ManifestTestHelper.Lint(head.Replace("{0}", "bad") + "  loadBalancerSourceRanges: [10.0.0.0/8, \"::/0\"]\n"));
        Assert.Empty(ManifestTestHelper.Lint(head.Replace("{0}", "  ")));
    }

    [Fact]
    public void IPv4_only_ranges_on_a_dual_stack_LoadBalancer_is_a_DS2010_warning()
    {
        var findings = ManifestTestHelper.Lint(With("  type: LoadBalancer\n  ipFamilyPolicy: PreferDualStack\n  loadBalancerSourceRanges: [203.0.113.0/24]\n"));
        Assert.Equal(["DS2010 10:29 spec.loadBalancerSourceRanges"], findings.Describe());
        Assert.Equal(Rules.Severity.Warning, findings[0].Severity);
        Assert.StartsWith("the source ranges are all IPv4, but this dual-stack LoadBalancer also serves IPv6", findings[0].Message);
    }

    [Fact]
    public void IPv4_ranges_on_an_IPv6_LoadBalancer_and_annotation_ranges_are_checked_too()
    {
        var findings = ManifestTestHelper.Lint(With("  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]\n"), IPv6Only);
        Assert.Equal(["DS2010 9:29 spec.loadBalancerSourceRanges"], findings.Describe());
        Assert.StartsWith("the source ranges are all IPv4, but this LoadBalancer serves IPv6 only", findings[0].Message);

        var annotated = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8\nspec:\n  type: LoadBalancer\n  ipFamilyPolicy: RequireDualStack\n  selector: {app: web}\n  ports: [{port: 80}]\n";
        Assert.Equal(["DS2010 6:61 metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]"], ManifestTestHelper.Lint(annotated).Describe());
    }

    [Fact]
    public void Ranges_of_both_families_or_a_single_stack_target_are_clean()
    {
        Assert.Empty(ManifestTestHelper.Lint(With("  type: LoadBalancer\n  ipFamilyPolicy: PreferDualStack\n  loadBalancerSourceRanges: [203.0.113.0/24, \"2001:db8::/48\"]\n")));
        Assert.Empty(ManifestTestHelper.Lint(With("  type: LoadBalancer\n  ipFamilyPolicy: PreferDualStack\n  loadBalancerSourceRanges: [203.0.113.0/24]\n"), IPv4Only));
    }
}
