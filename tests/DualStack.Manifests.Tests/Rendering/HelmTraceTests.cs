using DualStack.Manifests.Configuration;
using DualStack.Manifests.Rendering;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Rendering;

/// <summary>Findings on <c>helm template</c> output name the chart's template and, when it can be found, its line.</summary>
public sealed class HelmTraceTests : IDisposable
{
    private const string ServiceTemplate = """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "web.fullname" . }}
        spec:
          type: {{ .Values.service.type }}
          ports:
            - port: {{ .Values.service.port }}
        """;

    private const string Rendered = """
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: release-web
        spec:
          type: ClusterIP
          ports:
            - port: 80

        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<Finding> Lint(string rendered, string? chart = null, string cwd = "")
    {
        var tree = new LintedTree(Path.Combine(_folder.Path, cwd), []);
        var options = new RenderingOptions(tree, chart is null ? null : Path.Combine(_folder.Path, chart));
        return RenderedLint.Lint([new RenderingInput(SourceFile.FromText("<stdin>", rendered), null)], new FixedConfiguration(LintOptions.Default), options).Findings;
    }

    private void WriteChart(string folder = "web", string name = "web")
    {
        _folder.Write($"{folder}/Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: 0.1.0\n");
        _folder.Write($"{folder}/templates/service.yaml", ServiceTemplate);
    }

    private static string Describe(Finding f) => $"{f.RuleId} {f.File}:{f.Line}:{f.Column}-{f.EndColumn}";

    [Fact]
    public void With_the_chart_the_finding_points_at_the_template_line()
    {
        WriteChart();
        var finding = Assert.Single(Lint(Rendered, chart: "web"));
        Assert.Equal("DS2005 web/templates/service.yaml:5:1-5", Describe(finding));
        Assert.EndsWith("(line 7 of the rendered output <stdin>)", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_rendered_input_read_as_the_run_goes_is_read_once_and_still_traced()
    {
        WriteChart();
        var reads = 0;
        var input = new ManifestInput("rendered.yaml", Rendered.Length, () =>
        {
            Interlocked.Increment(ref reads);
            return SourceFile.FromText("rendered.yaml", Rendered);
        });
        var options = new RenderingOptions(new LintedTree(_folder.Path, []), Path.Combine(_folder.Path, "web"));

        var finding = Assert.Single(RenderedLint.Lint([input], new FixedConfiguration(LintOptions.Default), options).Findings);

        Assert.Equal("DS2005 web/templates/service.yaml:5:1-5", Describe(finding));
        Assert.Equal(1, reads);
    }

    [Fact]
    public void A_run_wide_finding_on_rendered_output_points_at_the_template_line_too()
    {
        // DS2011 is decided after every file is checked (its Service and pods may be in different files), when the
        // rendered file's tree is gone: the trace loads it again to find the node.
        WriteChart();
        _folder.Write("web/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "web.fullname" . }}
            spec:
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      env:
                        - name: ASPNETCORE_URLS
                          value: {{ .Values.urls | quote }}
            """);
        _folder.Write("web/templates/service.yaml", ServiceTemplate.Replace("spec:\n", "spec:\n  ipFamilyPolicy: PreferDualStack\n  selector:\n    app: web\n", StringComparison.Ordinal));
        var rendered = Rendered.Replace("spec:\n", "spec:\n  ipFamilyPolicy: PreferDualStack\n  selector:\n    app: web\n", StringComparison.Ordinal) + """
            ---
            # Source: web/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: release-web
            spec:
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      env:
                        - name: ASPNETCORE_URLS
                          value: "http://0.0.0.0:8080"

            """;

        var findings = Lint(rendered, chart: "web");

        var ds2011 = Assert.Single(findings, f => f.RuleId == "DS2011");
        Assert.Equal("DS2011 web/templates/service.yaml:7:3-12", Describe(ds2011));
        Assert.EndsWith("(line 10 of the rendered output <stdin>)", ds2011.Message);
    }

    [Fact]
    public void The_chart_is_found_below_the_current_folder_by_its_name()
    {
        WriteChart();
        Assert.Equal("DS2005 web/templates/service.yaml:5:1-5", Describe(Assert.Single(Lint(Rendered))));
    }

    [Fact]
    public void The_chart_is_the_current_folder_when_it_holds_Chart_yaml()
    {
        WriteChart("src/chart");
        Assert.Equal("DS2005 templates/service.yaml:5:1-5", Describe(Assert.Single(Lint(Rendered, cwd: "src/chart"))));
    }

    [Fact]
    public void Without_the_chart_the_template_is_named_at_the_rendered_line()
    {
        var finding = Assert.Single(Lint(Rendered));
        Assert.Equal("DS2005 web/templates/service.yaml:7:1-5", Describe(finding));
        Assert.EndsWith("(at line 7 of the rendered output <stdin>: the Helm template is not at hand; give the chart folder with --chart DIR to point into it)", finding.Message);
    }

    [Fact]
    public void A_chart_of_another_name_is_not_used()
    {
        WriteChart(name: "other");
        Assert.Equal("DS2005 web/templates/service.yaml:7:1-5", Describe(Assert.Single(Lint(Rendered, chart: "web"))));
    }

    [Theory]
    [InlineData("/etc/passwd", "an absolute path")]
    [InlineData("web/../../secret.yaml", "a path that leaves the chart (..)")]
    public void A_source_outside_the_chart_is_reported_and_not_read(string written, string problem)
    {
        WriteChart();
        _folder.Write("secret.yaml", ServiceTemplate);
        var findings = Lint(Rendered.Replace("web/templates/service.yaml", written, StringComparison.Ordinal), chart: "web");
        Assert.Equal(["DS0002 <stdin>:2:11-" + (11 + written.Length), "DS2005 <stdin>:7:1-5"], findings.Select(Describe));
        Assert.Contains($"names \"{written}\", {problem}", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_reached_through_a_symbolic_link_is_not_read()
    {
        WriteChart();
        var outside = new TempFolder();
        try
        {
            File.WriteAllText(Path.Combine(outside.Path, "service.yaml"), ServiceTemplate);
            File.Delete(Path.Combine(_folder.Path, "web/templates/service.yaml"));
            File.CreateSymbolicLink(Path.Combine(_folder.Path, "web/templates/service.yaml"), Path.Combine(outside.Path, "service.yaml"));
            Assert.Equal("DS2005 web/templates/service.yaml:7:1-5", Describe(Assert.Single(Lint(Rendered, chart: "web"))));
        }
        finally
        {
            outside.Dispose();
        }
    }

    [Fact]
    public void Documents_before_the_first_comment_stay_on_the_rendered_output()
    {
        WriteChart();
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: [{port: 1}]\n" + Rendered;
        Assert.Equal(["DS2005 <stdin>:5:1-5", "DS2005 web/templates/service.yaml:5:1-5"], Lint(text, chart: "web").Select(Describe));
    }
}
