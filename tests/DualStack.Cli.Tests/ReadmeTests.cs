using DualStack.Cli.CommandLine;
using DualStack.Cli.Lint;

namespace DualStack.Cli.Tests;

/// <summary>The README's dslint section cannot drift from the tool: every option and exit code is documented.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void Every_lint_option_is_in_the_readme_options_table()
    {
        var console = new ConsoleStreams(TextWriter.Null, TextWriter.Null, () => Stream.Null, RepositoryPaths.Root, IsTerminal: false);
        var options = LintCommand.Create(console).Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help" && n != "--version").ToList();

        Assert.NotEmpty(options);
        Assert.All(options, name => Assert.Contains("| `" + name, Readme));
    }

    [Theory]
    [InlineData(ExitCodes.Success)]
    [InlineData(ExitCodes.Findings)]
    [InlineData(ExitCodes.Failure)]
    public void Every_exit_code_is_in_the_readme_table(int code) =>
        Assert.Contains($"\n| {code} | ", Readme);

    [Fact]
    public void Readme_names_the_package_the_tool_is_packed_as()
    {
        var project = File.ReadAllText(Dslint.ProjectPath);
        var id = System.Text.RegularExpressions.Regex.Match(project, "<PackageId>([^<]+)</PackageId>").Groups[1].Value;

        Assert.Equal("DualStack.Lint.Cli", id);
        Assert.Contains("dotnet tool install --global --add-source ./nupkgs " + id, Readme);
    }
}
