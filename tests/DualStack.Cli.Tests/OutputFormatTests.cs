using System.Text.Json;

namespace DualStack.Cli.Tests;

/// <summary>The four formats printed by the real tool for a finding whose position is known.</summary>
public sealed class OutputFormatTests
{
    [Fact]
    public void Json_output_has_exactly_the_contract_names_and_values()
    {
        using var folder = new TempFolder();
        folder.Write("deploy/app.yaml", Samples.Broken);
        folder.Write("deploy/clean.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "deploy", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["tool", "version", "findings", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dslint", root.GetProperty("tool").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("version").GetString());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal(
            ["ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "object", "field"],
            finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DS0001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal(Samples.BrokenMessage, finding.GetProperty("message").GetString());
        Assert.Equal("deploy/app.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(Samples.BrokenLine, finding.GetProperty("line").GetInt32());
        Assert.Equal(Samples.BrokenColumn, finding.GetProperty("column").GetInt32());
        Assert.Equal(Samples.BrokenLine, finding.GetProperty("endLine").GetInt32());
        Assert.Equal(Samples.BrokenColumn + 1, finding.GetProperty("endColumn").GetInt32());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("object").ValueKind);
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("field").ValueKind);
        var summary = root.GetProperty("summary");
        Assert.Equal(["files", "documents", "errors", "warnings", "infos"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal([2, 2, 1, 0, 0], summary.EnumerateObject().Select(p => p.Value.GetInt32()));
    }

    [Fact]
    public void Json_with_no_findings_has_an_empty_list()
    {
        using var folder = new TempFolder();
        folder.Write("clean.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Github_format_prints_workflow_commands_with_escaped_properties()
    {
        using var folder = new TempFolder();
        folder.Write("a,b:c%.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--format", "github", "--severity", "DS0001=error");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [$"::error file=a%2Cb%3Ac%25.yaml,line={Samples.BrokenLine},col={Samples.BrokenColumn},endLine={Samples.BrokenLine},endColumn={Samples.BrokenColumn + 1},title=DS0001::{Samples.BrokenMessage}"],
            result.StdoutLines);
    }

    [Theory]
    [InlineData("warning", "::warning ")]
    [InlineData("suggestion", "::notice ")]
    [InlineData("info", "::notice ")]
    [InlineData("error", "::error ")]
    public void Github_command_follows_the_severity(string level, string prefix)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--format", "github", "--severity", "DS0001=" + level);

        Assert.StartsWith(prefix + "file=a.yaml,", Assert.Single(result.StdoutLines));
    }

    [Fact]
    public void Github_data_escaping_encodes_percent_and_newlines_only()
    {
        Assert.Equal("50%25 done%0D%0Anext: a,b", Output.GitHubFormatter.EscapeData("50% done\r\nnext: a,b"));
        Assert.Equal("a%3A b%2C c%25%0A", Output.GitHubFormatter.EscapeProperty("a: b, c%\n"));
    }

    [Fact]
    public void Text_output_is_plain_when_not_on_a_terminal_and_ends_with_the_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint");

        Assert.DoesNotContain("\u001b[", result.Stdout);
        Assert.Equal("1 file, 1 document: 1 error, 0 warnings, 0 infos", result.StdoutLines[^1]);
    }

    [Fact]
    public void Quiet_prints_the_findings_only()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);
        folder.Write("b.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, "lint", "--quiet");

        Assert.Equal([$"a.yaml:{Samples.BrokenLine}:{Samples.BrokenColumn}: error DS0001: {Samples.BrokenMessage}"], result.StdoutLines);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Text_style_colours_only_when_enabled()
    {
        var finding = new DualStack.Rules.Finding
        {
            RuleId = "DS0001",
            Severity = DualStack.Rules.Severity.Error,
            Message = "m",
            File = "f.yaml",
            Line = 2,
            Column = 3,
            Object = "Service/default/web",
            Field = "spec.clusterIPs[1]",
        };

        Assert.Equal("f.yaml:2:3: error DS0001: m [Service/default/web spec.clusterIPs[1]]", Output.TextFormatter.FormatFinding(finding, Output.TextStyle.Plain));
        Assert.Equal(
            "\u001b[1mf.yaml:2:3:\u001b[0m \u001b[1;31merror\u001b[0m DS0001: m \u001b[2m[Service/default/web spec.clusterIPs[1]]\u001b[0m",
            Output.TextFormatter.FormatFinding(finding, new Output.TextStyle(true)));
    }

    [Fact]
    public void Output_file_receives_the_report_and_standard_output_stays_empty()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--format", "json", "--output", "out/report.json");

        // The folder of the output file must exist; a missing one is an I/O error with exit code 2.
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dslint: error: cannot write the output file 'out/report.json':", Assert.Single(result.StderrLines));

        result = Dslint.Run(folder.Path, "lint", "--format", "json", "--output", "report.json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        using var json = JsonDocument.Parse(folder.Read("report.json"));
        Assert.Equal("a.yaml", json.RootElement.GetProperty("findings")[0].GetProperty("file").GetString());
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }
}
