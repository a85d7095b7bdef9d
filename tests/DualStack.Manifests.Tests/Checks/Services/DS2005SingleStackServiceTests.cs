using static DualStack.Manifests.Tests.Checks.Services.ServiceYaml;

namespace DualStack.Manifests.Tests.Checks.Services;

/// <summary>DS2005: single-stack Services on a dual-stack target, and the fix that makes them PreferDualStack.</summary>
public sealed class DS2005SingleStackServiceTests
{
    [Fact]
    public void Omitted_policy_is_reported_at_the_spec_key_and_the_fix_inserts_one_line()
    {
        var yaml = With("  type: ClusterIP\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2005 5:1 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.Equal(Rules.Severity.Warning, finding.Severity);
        Assert.StartsWith("ipFamilyPolicy is omitted, so it defaults to SingleStack: the Service gets an IPv4 cluster IP only, so IPv6 clients cannot reach it", finding.Message);
        Assert.Equal(yaml.Replace("spec:\n", "spec:\n  ipFamilyPolicy: PreferDualStack\n"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void The_fix_keeps_deeper_indentation_and_CRLF_line_ends()
    {
        var yaml = "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    # the web front end\r\n    selector:\r\n        app: web\r\n    ports:\r\n    - port: 80\r\n";
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal(
            yaml.Replace("    selector:", "    ipFamilyPolicy: PreferDualStack\r\n    selector:"),
            DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void Flow_style_spec_is_reported_without_a_fix()
    {
        var finding = Assert.Single(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n"));
        Assert.Equal("DS2005 4:1 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Explicit_SingleStack_is_reported_at_the_value_and_the_fix_replaces_it()
    {
        var yaml = With("  ipFamilyPolicy: SingleStack  # for now\n");
        var finding = Assert.Single(ManifestTestHelper.Lint(yaml));
        Assert.Equal("DS2005 8:19 spec.ipFamilyPolicy", Assert.Single(new[] { finding }.Describe()));
        Assert.Equal(yaml.Replace("SingleStack", "PreferDualStack"), DualStack.Manifests.Engine.FixApplier.Apply(yaml, [finding.Fix!]));
    }

    [Fact]
    public void IPv6_primary_target_names_the_missing_IPv4_family()
    {
        var options = new Rules.LintOptions { IpFamilies = Rules.IpFamilies.DualStackIPv6Primary };
        var finding = Assert.Single(ManifestTestHelper.Lint(With(string.Empty), options));
        Assert.Contains("gets an IPv6 cluster IP only, so IPv4 clients cannot reach it", finding.Message);
    }

    [Theory]
    [InlineData("  ipFamilyPolicy: PreferDualStack\n")]
    [InlineData("  ipFamilyPolicy: RequireDualStack\n")]
    public void Dual_stack_policies_are_clean(string rest) => Assert.Empty(ManifestTestHelper.Lint(With(rest)));

    [Fact]
    public void Single_stack_targets_are_clean()
    {
        Assert.Empty(ManifestTestHelper.Lint(With(string.Empty), IPv4Only));
        Assert.Empty(ManifestTestHelper.Lint(With("  ipFamilyPolicy: SingleStack\n"), IPv6Only));
    }

    [Fact]
    public void ExternalName_and_headless_selectorless_Services_are_clean()
    {
        Assert.Empty(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: e}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n"));
        Assert.Empty(ManifestTestHelper.Lint("apiVersion: v1\nkind: Service\nmetadata: {name: h}\nspec:\n  clusterIP: None\n  ports: [{port: 80}]\n"));
    }

    [Fact]
    public void Headless_with_a_selector_defaults_to_SingleStack_and_is_reported()
    {
        Assert.Equal(["DS2005 5:1 spec.ipFamilyPolicy"], ManifestTestHelper.Lint(With("  clusterIP: None\n")).Describe());
    }

    [Fact]
    public void Services_the_API_server_rejects_are_left_to_the_error_rules()
    {
        Assert.Equal(["DS2004 8:15 spec.ipFamilyPolicy"], ManifestTestHelper.Lint(With("  ipFamilies: [IPv4, IPv6]\n")).Describe());
        Assert.Equal(["DS2001 8:19 spec.ipFamilyPolicy"], ManifestTestHelper.Lint(With("  ipFamilyPolicy: singlestack\n")).Describe());
    }

    [Fact]
    public void Applying_every_fix_of_a_file_leaves_none_of_the_fixed_findings()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  selector: {app: a}\n  ports: [{port: 80}]\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  ipFamilyPolicy: 'requireDualStack'\n  selector: {app: b}\n  ports: [{port: 80}]\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: c}\nspec:\n  # two families, policy forgotten\n  ipFamilies: [IPv6, IPv4]\n  selector: {app: c}\n  ports: [{port: 80}]\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: d}\nspec:\n  ipFamily: IPv6\n  ipFamilyPolicy: SingleStack\n  selector: {app: d}\n  ports: [{port: 80}]\n";
        var findings = ManifestTestHelper.Lint(yaml);
        Assert.Equal(["DS2005 4:1", "DS2001 12:19", "DS2004 21:15", "DS2002 29:3"], findings.Where(f => f.Fix is not null).Select(f => $"{f.RuleId} {f.Line}:{f.Column}"));

        var fixedText = DualStack.Manifests.Engine.FixApplier.Apply(yaml, findings.Select(f => f.Fix).OfType<Rules.TextEdit>());
        Assert.Contains("  ipFamilyPolicy: 'RequireDualStack'\n", fixedText);
        Assert.Contains("spec:\n  # two families, policy forgotten\n  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n", fixedText);

        // d is single-stack on purpose only once ipFamily is fixed: the second pass reports it, and its fix finishes the job.
        var second = ManifestTestHelper.Lint(fixedText);
        Assert.Equal(["DS2005 32:19 spec.ipFamilyPolicy"], second.Describe());
        var final = ManifestTestHelper.Lint(DualStack.Manifests.Engine.FixApplier.Apply(fixedText, second.Select(f => f.Fix).OfType<Rules.TextEdit>()));
        Assert.Empty(final);
    }
}
