namespace DualStack.Cli.Tests;

/// <summary>Exit codes (0 clean, 1 error findings, 2 usage/I-O/internal) and the messages for bad options.</summary>
public sealed class ExitCodeAndOptionTests
{
    [Fact]
    public void Warnings_exit_0_and_errors_exit_1()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        Assert.Equal(0, Dslint.Run(folder.Path, "lint", "--severity", "DS0001=warning").ExitCode);
        Assert.Equal(1, Dslint.Run(folder.Path, "lint").ExitCode);
    }

    [Fact]
    public void Warnaserror_fails_on_warnings_but_not_on_infos()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        Assert.Equal(1, Dslint.Run(folder.Path, "lint", "--warnaserror", "--severity", "DS0001=warning").ExitCode);
        Assert.Equal(0, Dslint.Run(folder.Path, "lint", "--warnaserror", "--severity", "DS0001=suggestion").ExitCode);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("silent")]
    public void Severity_none_or_silent_hides_the_finding(string level)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);

        var result = Dslint.Run(folder.Path, "lint", "--severity", "DS0001=" + level, "--severity", "DS0002=error");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["1 file, 1 document: 0 errors, 0 warnings, 0 infos"], result.StdoutLines);
    }

    [Fact]
    public void Severity_option_is_repeatable_and_case_insensitive_on_the_rule()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Broken);
        File.WriteAllBytes(Path.Combine(folder.Path, "b.yaml"), [0]);

        var result = Dslint.Run(folder.Path, "lint", "--severity", "ds0001=error", "--severity", "DS0002=suggestion", "--no-color");

        Assert.StartsWith("a.yaml:9:15: error DS0001:", result.StdoutLines[0]);
        Assert.StartsWith("b.yaml:1:1: info DS0002:", result.StdoutLines[1]);
    }

    [Theory]
    [InlineData(new[] { "lint", "--format", "xml" }, "dslint: error: Argument 'xml' not recognized. Must be one of: 'text', 'json', 'sarif', 'github', 'junit', 'gitlab'")]
    [InlineData(new[] { "lint", "--bogus" }, "dslint: error: unknown option '--bogus'; run 'dslint lint --help' for the options")]
    [InlineData(new[] { "lint", "--severity", "DS0001" }, "dslint: error: --severity: \"DS0001\" is not RULE=LEVEL, e.g. DS2005=error")]
    [InlineData(new[] { "lint", "--severity", "DS9999=error" }, "dslint: error: --severity: unknown rule \"DS9999\"; run 'dslint rules' for the list")]
    [InlineData(new[] { "lint", "--severity", "DS0001=loud" }, "dslint: error: --severity: \"loud\" is not a severity; use none, silent, suggestion, info, warning or error")]
    [InlineData(new[] { "lint", "--ip-families", "IPv5" }, "dslint: error: --ip-families: \"IPv5\" is not an IP family; use IPv4 or IPv6")]
    [InlineData(new[] { "lint", "--kubernetes-version", "latest" }, "dslint: error: --kubernetes-version: \"latest\" is not a Kubernetes version such as 1.36")]
    [InlineData(new[] { "lint", "--kubernetes-version", "1.12" }, "dslint: error: --kubernetes-version: 1.12 is older than the oldest supported version 1.20")]
    [InlineData(new[] { "lint", "--kubernetes-version", "1.99" }, "dslint: error: --kubernetes-version: 1.99 is newer than the newest known version 1.36; use 1.36 until dslint knows 1.99")]
    [InlineData(new[] { "lint", "-", "-" }, "dslint: error: standard input ('-') can be given only once")]
    [InlineData(new[] { "lint", "-", "--fix" }, "dslint: error: --fix cannot change standard input; give the files to fix as paths")]
    [InlineData(new[] { "explain", "DS9999" }, "dslint: error: unknown rule 'DS9999'; run 'dslint rules --all' for the list")]
    [InlineData(new[] { "frobnicate" }, "dslint: error: Unrecognized command or argument 'frobnicate'.")]
    public void Bad_usage_prints_one_error_line_and_exits_2(string[] args, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Samples.Clean);

        var result = Dslint.Run(folder.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.StderrLines[0]);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void No_command_asks_for_one()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["dslint: error: Required command was not provided.", "Run 'dslint --help' for usage."], result.StderrLines);
    }

    [Fact]
    public void Help_exits_0_and_lists_the_options()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "lint", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--stdin-filename", "--ip-families", "--kubernetes-version", "--severity", "--warnaserror", "--fix", "--no-color", "--quiet", "--verbose" })
        {
            Assert.Contains(option, result.Stdout);
        }
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\r?\n$", result.Stdout);
    }
}
