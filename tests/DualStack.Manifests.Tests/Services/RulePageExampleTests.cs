using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Services;

/// <summary>
/// Runs the examples of the Service and workload rule pages (actionlint's executed docs): the first <c>yaml</c> block of
/// "## Examples" must give exactly the findings of the <c>text</c> block after it, the second <c>yaml</c> block none of the
/// page's rule. A page may name its target with <c>dualstack_lint.ip_families = …</c> in that section.
/// </summary>
public sealed class RulePageExampleTests
{
    public static TheoryData<string> Pages() =>
    [
        "DS2001", "DS2002", "DS2003", "DS2004", "DS2005", "DS2006", "DS2007", "DS2008", "DS2009", "DS2010", "DS2011",
        "DS2030", "DS2031",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_examples_of_the_page_give_the_findings_it_shows(string id)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.RulesDirectory, id + ".md")).Replace("\r\n", "\n");
        var start = text.IndexOf("\n## Examples\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n## How to fix\n", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"rules/{id}.md has no Examples section");
        var section = text.Substring(start, end - start);

        var blocks = Regex.Matches(section, "```(yaml|text)\n(.*?)```", RegexOptions.Singleline)
            .Select(m => (Kind: m.Groups[1].Value, Body: m.Groups[2].Value))
            .ToList();
        var yaml = blocks.Where(b => b.Kind == "yaml").Select(b => b.Body).ToList();
        var expected = blocks.First(b => b.Kind == "text").Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(yaml.Count >= 2, $"rules/{id}.md needs a flagged and a clean yaml example");

        var options = LintOptions.Default;
        if (Regex.Match(section, @"dualstack_lint\.ip_families = ([A-Za-z0-9,]+)") is { Success: true } target)
        {
            Assert.True(IpFamilies.TryParse(target.Groups[1].Value, out var families, out _));
            options = new LintOptions { IpFamilies = families };
        }

        Assert.Equal(expected, Format(ManifestTestHelper.Lint(yaml[0], options, "web.yaml"), id));
        Assert.Empty(Format(ManifestTestHelper.Lint(yaml[1], options, "web.yaml"), id));
    }

    private static List<string> Format(IEnumerable<Finding> findings, string id) =>
        findings.Where(f => f.RuleId == id)
            .Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.Severity.ToString().ToLowerInvariant()} {f.RuleId}: {f.Message}")
            .ToList();
}
