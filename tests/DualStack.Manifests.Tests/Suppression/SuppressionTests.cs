using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Suppression;

/// <summary>Suppressions, tested with a stand-in DS2005 check that fires on every Service without ipFamilyPolicy.</summary>
public sealed class SuppressionTests
{
    private static IReadOnlyList<Finding> Lint(string yaml, LintOptions? options = null) =>
        ManifestLinter.Lint([SourceFile.FromText("svc.yaml", yaml)], options ?? LintOptions.Default, CheckSet.Of(new FakeSingleStackCheck())).Findings;

    private static string Describe(Finding f) => $"{f.RuleId} {f.Line}:{f.Column}";

    private const string TwoServices = """
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b}
        spec:
          ports: [{port: 80}]
        """;

    [Fact]
    public void Without_suppressions_the_fake_check_fires_on_both_services() =>
        Assert.Equal(["DS2005 4:1", "DS2005 10:1"], Lint(TwoServices).Select(Describe));

    [Fact]
    public void The_annotation_suppresses_findings_of_its_object_only()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata:
              name: a
              annotations:
                dualstack-lint.io/ignore: "DS2005: clients are IPv4-only until 2027"
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec:
              ports: [{port: 80}]
            """;
        Assert.Equal(["DS2005 13:1"], Lint(yaml).Select(Describe));
    }

    [Fact]
    public void The_annotation_also_covers_findings_that_name_its_object_elsewhere()
    {
        // A finding about Service/a reported at a line of another object (as a run check may do).
        var yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    dualstack-lint.io/ignore: \"DS2011: pods are IPv4-only by design\"\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n";
        var findings = ManifestLinter.Lint([SourceFile.FromText("svc.yaml", yaml)], LintOptions.Default, CheckSet.Of(new ReportOnDeploymentAboutService())).Findings;
        Assert.Empty(findings);
    }

    private sealed class ReportOnDeploymentAboutService : DualStack.Manifests.Checks.IObjectCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = ["DS2011"];

        public void Check(DualStack.Manifests.Kubernetes.KubeObject obj, DualStack.Manifests.Checks.CheckContext context)
        {
            if (obj.Kind == "Deployment")
            {
                context.Report("DS2011", obj.Document, obj.Root, "Service/a", "spec.selector", "selected pods listen on IPv4 only");
            }
        }
    }

    [Theory]
    [InlineData("\"DS2010: no load balancer; DS2005: IPv4 clients only\"")]
    [InlineData("\"DS2010, DS2005: legacy\"")]
    [InlineData("|\n      DS2010: no load balancer\n      DS2005: IPv4 clients only")]
    public void The_annotation_takes_several_entries(string value)
    {
        var yaml = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    dualstack-lint.io/ignore: {value}\nspec:\n  ports: [{{port: 80}}]\n";
        var findings = Lint(yaml);
        Assert.DoesNotContain(findings, f => f.RuleId == RuleIds.SingleStackServiceOnDualStackCluster);

        // DS2010 suppressed nothing (the fake check never reports it).
        var unused = Assert.Single(findings);
        Assert.Equal((RuleIds.UnusedSuppression, 6, 31), (unused.RuleId, unused.Line, unused.Column));
        Assert.Equal(
            "annotation \"dualstack-lint.io/ignore: DS2010\" suppressed nothing: DS2010 reported no finding in Service/a; remove the suppression",
            unused.Message);
        Assert.Equal(("Service/a", "metadata.annotations[dualstack-lint.io/ignore]"), (unused.Object, unused.Field));
    }

    [Theory]
    [InlineData("\"DS2005\"", "\"DS2005\" in annotation \"dualstack-lint.io/ignore\" gives no reason; write \"DS2005: why it does not apply\"; it is ignored")]
    [InlineData("\"DS2005:  \"", "\"DS2005\" in annotation \"dualstack-lint.io/ignore\" gives no reason; write \"DS2005: why it does not apply\"; it is ignored")]
    [InlineData("\"DS2005 because\"", "\"DS2005 because\" in annotation \"dualstack-lint.io/ignore\" needs a colon after the rule IDs: \"DS2005: reason\"; it is ignored")]
    [InlineData("\"DS9999: reason\"", "unknown rule ID \"DS9999\" in annotation \"dualstack-lint.io/ignore\"; rule IDs are written like DS2005 (see the rules/ folder); it is ignored")]
    [InlineData("\"all: reason\"", "\"all: reason\" in annotation \"dualstack-lint.io/ignore\" does not start with a rule ID; write \"DS2005: reason\"; it is ignored")]
    [InlineData("[DS2005]", "annotation \"dualstack-lint.io/ignore\" must be a string such as \"DS2005: reason\"; it suppresses nothing")]
    public void A_malformed_annotation_is_DS0004_and_suppresses_nothing(string value, string message)
    {
        var yaml = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  annotations:\n    dualstack-lint.io/ignore: {value}\nspec:\n  ports: [{{port: 80}}]\n";
        var findings = Lint(yaml);
        Assert.Equal(["DS0004 6:31", "DS2005 7:1"], findings.Select(Describe));
        Assert.Equal(message, findings[0].Message);
        Assert.Equal(Severity.Info, findings[0].Severity);
    }

    [Fact]
    public void Disable_next_line_suppresses_findings_on_the_next_yaml_line()
    {
        var yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            # dslint-disable-next-line DS2005 clients are IPv4-only

            # (stacked comments and blank lines are skipped)
            spec:
              ports: [{port: 80}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec:
              ports: [{port: 80}]
            """;
        Assert.Equal(["DS2005 13:1"], Lint(yaml).Select(Describe));
    }

    [Fact]
    public void Disable_next_line_takes_several_ids_and_reports_the_unused_one()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n# dslint-disable-next-line DS2005, DS2010 legacy clients\nspec:\n  ports: [{port: 80}]\n";
        var finding = Assert.Single(Lint(yaml));
        Assert.Equal("DS0005 4:1", Describe(finding));
        Assert.Equal("\"# dslint-disable-next-line DS2010\" suppressed nothing: DS2010 reported no finding on line 5; remove the suppression", finding.Message);
        Assert.Equal(1 + "# dslint-disable-next-line DS2005, DS2010 legacy clients".Length, finding.EndColumn);
    }

    [Fact]
    public void Disable_next_line_does_not_reach_further_lines()
    {
        var yaml = "apiVersion: v1\n# dslint-disable-next-line DS2005 wrong place\nkind: Service\nmetadata: {name: a}\nspec:\n  ports: [{port: 80}]\n";
        Assert.Equal(["DS0005 2:1", "DS2005 5:1"], Lint(yaml).Select(Describe));
    }

    [Fact]
    public void Disable_file_suppresses_every_finding_of_the_rule_in_the_file()
    {
        var yaml = "# dslint-disable-file DS2005 this chart targets IPv4-only clusters\n" + TwoServices;
        Assert.Empty(Lint(yaml));
    }

    [Fact]
    public void A_trailing_comment_works_like_a_line_comment()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: a}  # dslint-disable-next-line DS2005 legacy\nspec:\n  ports: [{port: 80}]\n";
        Assert.Empty(Lint(yaml));
    }

    [Theory]
    [InlineData("# dslint-disable-next-line DS2005", "\"# dslint-disable-next-line DS2005\" gives no reason; say why after the IDs, e.g. \"# dslint-disable-next-line DS2005 the app serves IPv4 clients only\"; the comment is ignored")]
    [InlineData("# dslint-disable-next-line", "\"dslint-disable-next-line\" names no rule ID; write \"# dslint-disable-next-line DS2005 reason\", several IDs separated by commas")]
    [InlineData("# dslint-disable-next-line DS9999 why", "unknown rule ID \"DS9999\" in a comment; rule IDs are written like DS2005 (see the rules/ folder); the comment is ignored")]
    [InlineData("# dslint-disable-line DS2005 why", "unknown suppression comment \"dslint-disable-line\"; expected \"# dslint-disable-next-line DS2005 reason\" or \"# dslint-disable-file DS2005 reason\"")]
    [InlineData("# dslint-disable-next-line DS0005 why", "DS0005 cannot be suppressed in a comment; set dotnet_diagnostic.DS0005.severity = none in .editorconfig instead; the comment is ignored")]
    public void A_malformed_comment_is_DS0004_and_suppresses_nothing(string comment, string message)
    {
        var yaml = $"apiVersion: v1\nkind: Service\nmetadata: {{name: a}}\n{comment}\nspec:\n  ports: [{{port: 80}}]\n";
        var findings = Lint(yaml);
        Assert.Equal(["DS0004 4:1", "DS2005 5:1"], findings.Select(Describe));
        Assert.Equal(message, findings[0].Message);
        Assert.Equal(comment.Length + 1, findings[0].EndColumn);
    }

    [Fact]
    public void Rule_ids_match_regardless_of_case_as_in_editorconfig() =>
        Assert.Empty(Lint("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n# dslint-disable-next-line ds2005 why\nspec:\n  ports: [{port: 80}]\n"));

    [Fact]
    public void Comments_that_do_not_start_with_dslint_are_ignored()
    {
        var yaml = "# see dslint-disable-file docs\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: \"# dslint-disable-file DS2005\"}\n";
        Assert.Empty(Lint(yaml));
    }

    [Fact]
    public void Unused_file_suppression_is_DS0005()
    {
        var finding = Assert.Single(Lint("# dslint-disable-file DS2005 reason\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"));
        Assert.Equal("DS0005 1:1", Describe(finding));
        Assert.Equal("\"# dslint-disable-file DS2005\" suppressed nothing: DS2005 reported no finding in this file; remove the suppression", finding.Message);
    }

    [Fact]
    public void A_suppression_of_a_rule_turned_off_by_configuration_still_counts_as_used()
    {
        var options = LintOptions.Default with { SeverityOverrides = new Dictionary<string, Severity> { ["DS2005"] = Severity.None } };
        Assert.Empty(Lint("# dslint-disable-file DS2005 reason\n" + TwoServices, options));
    }

    [Fact]
    public void Suppression_findings_follow_configured_severities()
    {
        var options = LintOptions.Default with { SeverityOverrides = new Dictionary<string, Severity> { ["DS0005"] = Severity.None } };
        Assert.Empty(Lint("# dslint-disable-file DS2005 reason\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", options));
    }
}
