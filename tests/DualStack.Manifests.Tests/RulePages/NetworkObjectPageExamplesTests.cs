using System.Text.RegularExpressions;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.RulePages;

/// <summary>
/// Runs the examples of the rule pages of the NetworkPolicy, Endpoints, ServiceCIDR, Node/Pod and non-standard IP
/// rules: the first YAML block of "## Examples" is linted and must give exactly the findings of each text block that
/// follows it (at the Kubernetes version the sentence before the block names, else the newest), so the pages cannot go
/// stale (actionlint's executed docs).
/// </summary>
public sealed class NetworkObjectPageExamplesTests
{
    private static readonly Regex VersionInProse = new(@"kubernetes_version = (\d+\.\d+)", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("DS2020")]
    [InlineData("DS2021")]
    [InlineData("DS2022")]
    [InlineData("DS2040")]
    [InlineData("DS2041")]
    [InlineData("DS2042")]
    [InlineData("DS2050")]
    public void The_flagged_example_gives_the_documented_findings(string id)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RulesDirectory, id + ".md"));
        var start = Array.IndexOf(lines, "## Examples");
        Assert.True(start >= 0);
        string? yaml = null;
        var checkedBlocks = 0;
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (lines[i] is not ("```yaml" or "```text"))
            {
                continue;
            }

            var kind = lines[i];
            var prose = lines.Take(i).Reverse().SkipWhile(string.IsNullOrWhiteSpace).FirstOrDefault() ?? string.Empty;
            var block = lines.Skip(i + 1).TakeWhile(l => l != "```").ToList();
            i += block.Count + 1;
            if (kind == "```yaml")
            {
                yaml ??= string.Join("\n", block) + "\n";
                continue;
            }

            Assert.NotNull(yaml);
            var version = KubernetesVersion.Newest;
            if (VersionInProse.Match(prose) is { Success: true } match)
            {
                Assert.True(KubernetesVersion.TryParse(match.Groups[1].Value, out version));
            }

            var path = block[0].Substring(0, block[0].IndexOf(':'));
            var actual = ManifestTestHelper.Lint(yaml, new LintOptions { KubernetesVersion = version }, path)
                .Where(f => f.RuleId == id)
                .Select(f => $"{f.File}:{f.Line}:{f.Column}: {f.Severity.ToString().ToLowerInvariant()} {f.RuleId}: {f.Message}")
                .ToList();
            Assert.Equal(block, actual);
            checkedBlocks++;
        }

        Assert.True(checkedBlocks > 0, $"rules/{id}.md has no ```text block of findings under ## Examples");
    }
}
