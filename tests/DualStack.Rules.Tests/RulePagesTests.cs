using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Rules.Tests;

/// <summary>Keeps the catalog and <c>rules/*.md</c> in sync: one page per rule, headers that match, no orphan pages.</summary>
public sealed class RulePagesTests
{
    private static readonly string[] RequiredSections =
    [
        "## Cause",
        "## Rule description",
        "## Examples",
        "## How to fix",
        "## Configuration",
        "## How to suppress",
    ];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_whose_header_matches_the_catalog(string id)
    {
        var rule = RuleCatalog.Get(id);
        var path = Path.Combine(RepositoryPaths.RulesDirectory, id + ".md");
        Assert.True(File.Exists(path), $"rules/{id}.md is missing");

        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id}: {rule.Title}", lines[0]);
        Assert.Equal(id, HeaderValue(lines, "Rule ID"));
        Assert.Equal(rule.Category, HeaderValue(lines, "Category"));
        Assert.Equal(rule.DefaultSeverity.ToString(), HeaderValue(lines, "Default severity"));
        Assert.Equal(rule.HasFix ? "Yes" : "No", HeaderValue(lines, "Code fix"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_page_has_the_standard_sections_in_order(string id)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RulesDirectory, id + ".md"));
        var positions = RequiredSections.Select(s => Array.IndexOf(lines, s)).ToArray();
        for (var i = 0; i < RequiredSections.Length; i++)
        {
            Assert.True(positions[i] >= 0, $"rules/{id}.md lacks the section \"{RequiredSections[i]}\"");
        }

        Assert.Equal(positions.OrderBy(p => p), positions);
    }

    [Fact]
    public void Every_page_belongs_to_a_rule()
    {
        var orphans = Directory.GetFiles(RepositoryPaths.RulesDirectory, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README" && !RuleCatalog.TryGet(name!, out _))
            .ToList();
        Assert.Empty(orphans);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_help_link_points_to_its_page(string id)
    {
        var rule = RuleCatalog.Get(id);
        Assert.Equal(RuleDescriptor.HelpLinkBase + id + ".md", rule.HelpLink);
        Assert.EndsWith("/rules/" + id + ".md", rule.HelpLink, StringComparison.Ordinal);
    }

    private static string HeaderValue(string[] lines, string name)
    {
        var pattern = new Regex(@"^\|\s*" + Regex.Escape(name) + @"\s*\|\s*(?<value>[^|]*?)\s*\|$");
        foreach (var line in lines.TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var match = pattern.Match(line);
            if (match.Success)
            {
                return match.Groups["value"].Value.Trim('`');
            }
        }

        throw new Xunit.Sdk.XunitException($"header row \"{name}\" not found");
    }
}
