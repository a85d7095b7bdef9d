using DualStack.Rules;

namespace DualStack.Cli.Tests;

/// <summary><c>dslint rules</c> and <c>dslint explain</c>, which read the catalog and the embedded rule pages.</summary>
public sealed class RulesCommandTests
{
    [Fact]
    public void Rules_lists_every_manifest_rule_with_its_default_severity_and_title()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "rules");

        Assert.Equal(0, result.ExitCode);
        var expected = RuleCatalog.All
            .Where(r => r.Scope != RuleScope.CSharp)
            .Select(r => $"{r.Id}  {r.DefaultSeverity.ToOutputName(),-7}  {r.Title}");
        Assert.Equal(expected, result.StdoutLines);
        Assert.Contains("DS0001  error    YAML syntax error", result.StdoutLines);
    }

    [Fact]
    public void Rules_all_includes_the_csharp_rules()
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "rules", "--all");

        Assert.Equal(RuleCatalog.All.Count, result.StdoutLines.Length);
    }

    [Theory]
    [InlineData("DS0001")]
    [InlineData("ds0001")]
    public void Explain_prints_the_rule_page_embedded_in_the_tool(string id)
    {
        using var folder = new TempFolder();

        var result = Dslint.Run(folder.Path, "explain", id, "--markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.RulesDirectory, "DS0001.md")).ReplaceLineEndings("\n"), result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_rule_page_is_embedded()
    {
        foreach (var rule in RuleCatalog.All)
        {
            Assert.NotNull(Help.RulePages.Read(rule.Id));
        }
    }
}
