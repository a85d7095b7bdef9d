using System.Text;
using System.Text.RegularExpressions;

namespace DualStack.Manifests.Tests.ClusterConfig;

/// <summary>
/// The examples on rules/DS3xxx.md are executed (actionlint's way of keeping docs honest): every "Flagged (`file`):"
/// YAML block must give exactly the findings of the page's rule listed in the text block after it, every
/// "Clean (`file`):" block none. DSLINT_UPDATE_GOLDEN=1 rewrites the text blocks.
/// </summary>
public sealed partial class RulePageExamplesTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.RulesDirectory, "DS3*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Examples_give_the_findings_the_page_shows(string id)
    {
        var path = Path.Combine(RepositoryPaths.RulesDirectory, id + ".md");
        var lines = File.ReadAllLines(path).ToList();
        var flagged = 0;
        var clean = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var match = ExampleHeader().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var (yaml, yamlEnd) = Block(lines, i + 1, "```yaml");
            var findings = ManifestTestHelper.Lint(yaml, null, match.Groups["file"].Value)
                .Where(f => f.RuleId == id)
                .Select(CorpusTests.Format)
                .Select(s => s.Substring(0, s.LastIndexOf(" [", StringComparison.Ordinal)))
                .ToList();
            if (match.Groups["kind"].Value == "Clean")
            {
                clean++;
                Assert.True(findings.Count == 0, $"{id}: clean example at line {i + 1} gives {string.Join("; ", findings)}");
                continue;
            }

            flagged++;
            var (expected, textEnd) = Block(lines, yamlEnd + 1, "```text");
            if (Environment.GetEnvironmentVariable("DSLINT_UPDATE_GOLDEN") == "1")
            {
                var start = lines.FindIndex(yamlEnd + 1, l => l == "```text");
                lines.RemoveRange(start + 1, textEnd - start - 1);
                lines.InsertRange(start + 1, findings);
                File.WriteAllText(path, string.Join("\n", lines) + "\n");
                i = start + findings.Count;
                continue;
            }

            Assert.Equal(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), findings);
            Assert.NotEmpty(findings);
        }

        Assert.True(flagged > 0 && clean > 0, $"{id}: the page needs a flagged and a clean example");
    }

    private static (string Text, int End) Block(List<string> lines, int from, string fence)
    {
        var start = lines.FindIndex(from, l => l == fence);
        Assert.True(start >= 0, $"no {fence} block after line {from}");
        var end = lines.FindIndex(start + 1, l => l == "```");
        var text = new StringBuilder();
        for (var i = start + 1; i < end; i++)
        {
            text.Append(lines[i]).Append('\n');
        }

        return (text.ToString(), end);
    }

    [GeneratedRegex(@"^(?<kind>Flagged|Clean) \(`(?<file>[^`]+)`\):$")]
    private static partial Regex ExampleHeader();
}
