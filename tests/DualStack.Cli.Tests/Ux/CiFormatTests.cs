using System.Text.Json;
using System.Xml.Linq;

namespace DualStack.Cli.Tests.Ux;

/// <summary><c>--format junit</c> (CI test tabs) and <c>--format gitlab</c> (GitLab Code Quality), from the real tool.</summary>
public sealed class CiFormatTests
{
    [Fact]
    public void Junit_has_one_failing_case_per_error_or_warning_and_passing_cases_for_infos()
    {
        using var folder = new TempFolder();
        folder.Write("deploy/web.yaml", Samples.ServiceWithoutPolicy);
        folder.Write("deploy/broken.yaml", Samples.Broken);
        folder.Write("deploy/template.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n");

        var result = Dslint.Run(folder.Path, "lint", "deploy", "--format", "junit");

        Assert.Equal(1, result.ExitCode);
        var xml = XDocument.Parse(result.Stdout);
        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.Equal(["3", "2", "0"], new[] { "tests", "failures", "errors" }.Select(a => suites.Attribute(a)!.Value));
        var cases = suites.Element("testsuite")!.Elements("testcase").ToList();
        Assert.Equal(
            ["DS0001 deploy/broken.yaml:9:15", "DS0003 deploy/template.yaml:4:9", "DS2005 deploy/web.yaml:5:1"],
            cases.Select(c => c.Attribute("name")!.Value));
        var failure = cases[2].Element("failure")!;
        Assert.Equal("warning", failure.Attribute("type")!.Value);
        Assert.StartsWith("ipFamilyPolicy is omitted", failure.Attribute("message")!.Value);
        Assert.StartsWith("deploy/web.yaml:5:1: warning DS2005: ipFamilyPolicy is omitted", failure.Value);
        Assert.Equal("error", cases[0].Element("failure")!.Attribute("type")!.Value);
        Assert.Null(cases[1].Element("failure"));
        Assert.StartsWith("deploy/template.yaml:4:9: info DS0003:", cases[1].Element("system-out")!.Value);
    }

    [Fact]
    public void Junit_without_findings_is_one_passing_case_and_control_characters_keep_it_valid_xml()
    {
        using var folder = new TempFolder();
        folder.Write("clean.yaml", Samples.Clean);
        folder.Write("evil.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ipFamilyPolicy: \"a\\e[2J\\u0001\"}\n");

        var clean = XDocument.Parse(Dslint.Run(folder.Path, "lint", "clean.yaml", "--format", "junit").Stdout);
        var evil = Dslint.Run(folder.Path, "lint", "evil.yaml", "--format", "junit");

        Assert.Equal("no findings", Assert.Single(clean.Root!.Element("testsuite")!.Elements("testcase")).Attribute("name")!.Value);
        Assert.Equal("0", clean.Root!.Attribute("failures")!.Value);
        var message = XDocument.Parse(evil.Stdout).Descendants("failure").First().Attribute("message")!.Value;
        Assert.Contains(@"""a\x1b[2J\x01""", message);
    }

    [Fact]
    public void Gitlab_code_quality_report_has_the_fields_gitlab_reads_and_fingerprints_that_survive_moves()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("deploy/web.yaml", Samples.ServiceWithoutPolicy);
        folder.Write("deploy/broken.yaml", Samples.Broken);
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));

        var first = Dslint.Run(Path.Combine(folder.Path, "sub"), "lint", "../deploy", "--format", "gitlab");
        folder.Write("deploy/web.yaml", "# a comment above moves every line\n" + Samples.ServiceWithoutPolicy);
        var moved = Dslint.Run(Path.Combine(folder.Path, "sub"), "lint", "../deploy", "--format", "gitlab");

        Assert.Equal(1, first.ExitCode);
        using var json = JsonDocument.Parse(first.Stdout);
        var issues = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, issues.Count);
        var web = issues.Single(i => i.GetProperty("check_name").GetString() == "DS2005");
        Assert.Equal(["type", "description", "check_name", "fingerprint", "severity", "location"], web.EnumerateObject().Select(p => p.Name));
        Assert.Equal("major", web.GetProperty("severity").GetString());
        Assert.Equal("deploy/web.yaml", web.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(5, web.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal("critical", issues.Single(i => i.GetProperty("check_name").GetString() == "DS0001").GetProperty("severity").GetString());
        Assert.Matches("^[0-9a-f]{64}$", web.GetProperty("fingerprint").GetString());

        using var movedJson = JsonDocument.Parse(moved.Stdout);
        var movedWeb = movedJson.RootElement.EnumerateArray().Single(i => i.GetProperty("check_name").GetString() == "DS2005");
        Assert.Equal(6, movedWeb.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(web.GetProperty("fingerprint").GetString(), movedWeb.GetProperty("fingerprint").GetString());
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void Gitlab_report_without_findings_is_an_empty_array()
    {
        using var folder = new TempFolder();
        folder.Write("clean.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--format", "gitlab");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]", result.Stdout.Trim());
    }
}
