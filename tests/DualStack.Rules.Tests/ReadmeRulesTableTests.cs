using System.Text;

namespace DualStack.Rules.Tests;

/// <summary>
/// The README's rule table is generated from the catalog and must not drift (Meziantou's README check).
/// Run with <c>DSLINT_UPDATE_GOLDEN=1</c> to rewrite it after a catalog change.
/// </summary>
public sealed class ReadmeRulesTableTests
{
    private const string Start = "<!-- rules:start (generated from the catalog; DSLINT_UPDATE_GOLDEN=1 dotnet test tests/DualStack.Rules.Tests rewrites it) -->";
    private const string End = "<!-- rules:end -->";

    [Fact]
    public void The_readme_rule_table_matches_the_catalog()
    {
        var path = Path.Combine(RepositoryPaths.Root, "README.md");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md lacks the generated rule table markers");

        var expected = Table();
        var actual = text.Substring(start + Start.Length, end - start - Start.Length);
        if (actual != expected && Environment.GetEnvironmentVariable("DSLINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, text.Substring(0, start + Start.Length) + expected + text.Substring(end));
            return;
        }

        Assert.Equal(expected, actual);
    }

    private static string Table()
    {
        var table = new StringBuilder("\n| ID | title | default severity | fix |\n|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            table.Append($"| [{rule.Id}](rules/{rule.Id}.md) | {rule.Title} | {rule.DefaultSeverity} | {(rule.HasFix ? "yes" : "")} |\n");
        }

        return table.ToString();
    }
}
