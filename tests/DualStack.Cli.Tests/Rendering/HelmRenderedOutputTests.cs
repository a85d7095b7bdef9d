using System.Text.Json;

namespace DualStack.Cli.Tests.Rendering;

/// <summary><c>helm template … | dslint lint -</c> through the real tool: findings name the chart's templates.</summary>
public sealed class HelmRenderedOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string[] Located(DslintResult result) =>
        result.StdoutLines.Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => l.Substring(0, l.IndexOf(": ", StringComparison.Ordinal) + 1) + " " + l.Split(' ')[2].TrimEnd(':')).ToArray();

    [Fact]
    public void Chart_found_in_the_current_folder_points_at_template_lines()
    {
        HelmChartFixture.Write(_folder);
        var result = Dslint.RunWithInput(_folder.Path, HelmChartFixture.Rendered, null, "lint", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["web/templates/deployment.yaml:13:22: DS2030", "web/templates/service.yaml:7:1: DS2005"], Located(result));
        Assert.Contains("(line 9 of the rendered output <stdin>) [Service/release-web spec.ipFamilyPolicy]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 file, 2 documents: 0 errors, 2 warnings, 0 infos", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_option_and_json_keep_the_contract()
    {
        HelmChartFixture.Write(_folder, "deploy/charts/web");
        var result = Dslint.RunWithInput(_folder.Path, HelmChartFixture.Rendered, null, "lint", "-", "--chart", "deploy/charts/web", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(
            ["DS2030 deploy/charts/web/templates/deployment.yaml 13:22-13:53 Deployment/release-web spec.template.spec.containers[0].env[0].value",
             "DS2005 deploy/charts/web/templates/service.yaml 7:1-7:5 Service/release-web spec.ipFamilyPolicy"],
            findings.Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()} {f.GetProperty("line")}:{f.GetProperty("column")}-{f.GetProperty("endLine")}:{f.GetProperty("endColumn")} {f.GetProperty("object").GetString()} {f.GetProperty("field").GetString()}"));
        Assert.Equal(
            ["ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "object", "field"],
            findings[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Without_the_chart_the_template_is_named_at_the_rendered_line()
    {
        var result = Dslint.RunWithInput(_folder.Path, HelmChartFixture.Rendered, null, "lint", "-");

        Assert.Equal(["web/templates/deployment.yaml:29:22: DS2030", "web/templates/service.yaml:9:1: DS2005"], Located(result));
        Assert.Contains("(at line 9 of the rendered output <stdin>: the Helm template is not at hand; give the chart folder with --chart DIR to point into it)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_leaves_rendered_output_and_templates_alone_and_says_so()
    {
        HelmChartFixture.Write(_folder);
        _folder.Write("rendered.yaml", HelmChartFixture.Rendered);
        var result = Dslint.Run(_folder.Path, "lint", "rendered.yaml", "--fix");

        Assert.Equal(HelmChartFixture.Rendered, _folder.Read("rendered.yaml"));
        Assert.Equal(HelmChartFixture.ServiceTemplate, _folder.Read("web/templates/service.yaml"));
        Assert.Contains("dslint: warning: rendered.yaml: not fixed: the input is rendered Helm output (# Source: comments); its findings name the source files, which --fix does not rewrite", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dslint: fixed 0 problems in 0 files", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["web/templates/deployment.yaml:13:22: DS2030", "web/templates/service.yaml:7:1: DS2005"], Located(result));
    }

    [Fact]
    public void A_source_comment_outside_the_chart_is_reported_and_nothing_outside_is_read()
    {
        HelmChartFixture.Write(_folder);
        var rendered = HelmChartFixture.Rendered.Replace("# Source: web/templates/service.yaml", "# Source: web/../../../etc/passwd", StringComparison.Ordinal);
        var result = Dslint.RunWithInput(_folder.Path, rendered, null, "lint", "-", "--chart", "web");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<stdin>:2:11: warning DS0002: the # Source: comment names \"web/../../../etc/passwd\", a path that leaves the chart (..); Helm writes paths inside the chart, so the findings of this document stay on the rendered output", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("<stdin>:9:1: warning DS2005", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr.Trim());
    }

    [Fact]
    public void A_missing_chart_folder_is_a_usage_error()
    {
        var result = Dslint.RunWithInput(_folder.Path, HelmChartFixture.Rendered, null, "lint", "-", "--chart", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--chart: the folder 'nope' does not exist", result.Stderr, StringComparison.Ordinal);
    }
}
