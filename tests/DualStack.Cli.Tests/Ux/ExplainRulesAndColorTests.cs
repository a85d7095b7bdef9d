using System.Text.Json;
using DualStack.Rules;

namespace DualStack.Cli.Tests.Ux;

/// <summary><c>dslint explain</c> rendered for a terminal, <c>dslint rules --format json</c>, and the colour switches.</summary>
public sealed class ExplainRulesAndColorTests
{
    private const string Esc = "\u001b[";

    [Fact]
    public void Explain_renders_headings_tables_and_code_without_markdown_syntax_or_comments()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "explain", "DS2005");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("DS2005: Single-stack Service on a dual-stack cluster", lines[0]);
        Assert.Equal(new string('=', lines[0].Length), lines[1]);
        Assert.Contains("Property          Value", lines);
        Assert.Contains("Rule ID           DS2005", lines);
        Assert.Contains("Cause", lines);
        Assert.Contains("-----", lines);
        Assert.Contains("    apiVersion: v1", lines);
        Assert.Contains("    kind: Service", lines);
        Assert.DoesNotContain("<!--", result.Stdout);
        Assert.DoesNotContain("```", result.Stdout);
        Assert.DoesNotContain("|---", result.Stdout);
        Assert.DoesNotContain(lines, l => l.StartsWith('#'));
        Assert.DoesNotContain(Esc, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_markdown_prints_the_page_source()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "explain", "DS2005", "--markdown");

        Assert.StartsWith("# DS2005: Single-stack Service on a dual-stack cluster\n", result.Stdout);
        Assert.Contains("<!-- example: web.yaml -->", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--color", "always" }, null, null, true)]
    [InlineData(new[] { "--color", "never" }, null, "1", false)]
    [InlineData(new string[0], null, "1", true)]
    [InlineData(new string[0], null, "0", false)]
    [InlineData(new string[0], "1", "1", false)]
    [InlineData(new[] { "--color", "always" }, "1", null, true)]
    [InlineData(new string[0], null, null, false)]
    public void Explain_colour_follows_the_option_then_NO_COLOR_then_FORCE_COLOR_then_the_terminal(string[] options, string? noColor, string? forceColor, bool coloured)
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["FORCE_COLOR"] = forceColor };

        var result = Dslint.RunWithInput(folder.Path, null, environment, ["explain", "DS2005", .. options]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(coloured, result.Stdout.Contains(Esc + "1mDS2005: Single-stack Service", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--color", "always" }, null, null, true)]
    [InlineData(new[] { "--color", "always", "--no-color" }, null, null, false)]
    [InlineData(new[] { "--color", "never" }, null, "1", false)]
    [InlineData(new string[0], null, "1", true)]
    [InlineData(new string[0], "1", "1", false)]
    [InlineData(new[] { "--color", "always" }, "1", null, true)]
    [InlineData(new string[0], null, null, false)]
    public void Lint_colour_follows_the_same_rules(string[] options, string? noColor, string? forceColor, bool coloured)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["FORCE_COLOR"] = forceColor };

        var result = Dslint.RunWithInput(folder.Path, null, environment, ["lint", .. options]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(coloured, result.Stdout.StartsWith(Esc + "1ma.yaml:9:15:" + Esc + "0m " + Esc + "1;31merror" + Esc + "0m DS0001:", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_output_file_has_no_colour_even_with_FORCE_COLOR()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        Dslint.RunWithInput(folder.Path, null, new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" }, "lint", "a.yaml", "-o", "report.txt");

        Assert.StartsWith("a.yaml:9:15: error DS0001:", folder.Read("report.txt"));
    }

    [Fact]
    public void Bad_color_value_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "lint", "--color", "sometimes");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dslint: error: Argument 'sometimes' not recognized. Must be one of: 'auto', 'always', 'never'", result.StderrLines[0]);
    }

    [Fact]
    public void Rules_json_lists_every_catalog_field()
    {
        using var folder = new TempFolder();

        var all = Dslint.Run(folder.Path, "rules", "--format", "json", "--all");
        var manifests = Dslint.Run(folder.Path, "rules", "--format", "json");

        Assert.Equal(0, all.ExitCode);
        using var json = JsonDocument.Parse(all.Stdout);
        Assert.Equal("dslint", json.RootElement.GetProperty("tool").GetString());
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var ds2005 = rules.Single(r => r.GetProperty("id").GetString() == "DS2005");
        Assert.Equal(["id", "title", "defaultSeverity", "category", "scope", "hasFix", "description", "helpUri"], ds2005.EnumerateObject().Select(p => p.Name));
        Assert.Equal("warning", ds2005.GetProperty("defaultSeverity").GetString());
        Assert.True(ds2005.GetProperty("hasFix").GetBoolean());
        Assert.Equal("https://github.com/dualstack-lint/dualstack-lint/blob/main/rules/DS2005.md", ds2005.GetProperty("helpUri").GetString());
        using var manifestJson = JsonDocument.Parse(manifests.Stdout);
        Assert.DoesNotContain(manifestJson.RootElement.GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString()!.StartsWith("DS1", StringComparison.Ordinal));
    }
}
