using System.Text.RegularExpressions;
using DualStack.Manifests.Engine;
using DualStack.Rules;

namespace DualStack.Manifests.Tests.Golden;

/// <summary>
/// Runs the examples of the rule pages, so they cannot go stale (actionlint's executable docs). An example is a
/// <c>yaml</c> code block preceded by <c>&lt;!-- example: name.yaml [ip-families=IPv4] [kubernetes-version=1.33] --&gt;</c>
/// and followed by a <c>text</c> code block with the exact output, one finding per line as
/// <c>name.yaml:line:col: severity ID: message [object field]</c> (dslint's text format), or <c>(no findings)</c>. <c>DSLINT_UPDATE_GOLDEN=1</c> rewrites
/// the output blocks.
/// </summary>
public sealed class RulePageExamplesTests
{
    private static readonly Regex Marker = new(@"^<!--\s*example:\s*(?<name>\S+\.(yaml|yml|json))(?<options>(\s+[a-z-]+=\S+)*)\s*-->$", RegexOptions.CultureInvariant);

    private const string NoFindings = "(no findings)";

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.RulesDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (File.ReadAllText(path).Contains("<!-- example:", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Examples_give_the_output_the_page_shows(string page)
    {
        var path = Path.Combine(RepositoryPaths.RulesDirectory, page);
        var lines = File.ReadAllLines(path).ToList();
        var failures = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var marker = Marker.Match(lines[i].Trim());
            if (!marker.Success)
            {
                continue;
            }

            var name = marker.Groups["name"].Value;
            var (yamlStart, yamlEnd) = Fence(lines, i + 1, "```yaml", "```json", page, name);
            var (outStart, outEnd) = Fence(lines, yamlEnd + 1, "```text", "```text", page, name);
            var yaml = string.Concat(lines.Skip(yamlStart + 1).Take(yamlEnd - yamlStart - 1).Select(l => l + "\n"));
            var options = GoldenFile.ParseOptions(marker.Groups["options"].Value);
            var findings = ManifestLinter.Lint([SourceFile.FromText(name, yaml)], options).Findings;
            var actual = findings.Count == 0
                ? [NoFindings]
                : findings.Select(f => $"{name}:{f.Line}:{f.Column}: {f.Severity.ToOutputName()} {f.RuleId}: {f.Message}{Context(f)}").ToList();
            var shown = lines.Skip(outStart + 1).Take(outEnd - outStart - 1).ToList();
            if (!shown.SequenceEqual(actual))
            {
                if (GoldenFile.Updating)
                {
                    lines.RemoveRange(outStart + 1, outEnd - outStart - 1);
                    lines.InsertRange(outStart + 1, actual);
                }
                else
                {
                    failures.Add($"{page}, example {name}:\n--- page\n{string.Join("\n", shown)}\n--- actual\n{string.Join("\n", actual)}");
                }
            }

            i = outStart;
        }

        if (GoldenFile.Updating)
        {
            File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        }

        Assert.True(failures.Count == 0, $"Run with {GoldenFile.UpdateVariable}=1 if the change is intended.\n" + string.Join("\n", failures));
    }

    /// <summary>Every example of every rule page with the output block it shows (kept equal to the real output above).</summary>
    internal static IReadOnlyList<(string Page, string Name, IReadOnlyList<string> Output)> ExampleOutputs() =>
        Examples().Select(e => (e.Page, e.Name, e.Output)).ToList();

    /// <summary>The findings of every rule page example, linted as the page says (for tests of the findings themselves).</summary>
    internal static IReadOnlyList<Finding> ExampleFindings() =>
        Examples().SelectMany(e => ManifestLinter.Lint([SourceFile.FromText(e.Name, e.Yaml)], e.Options).Findings).ToList();

    // Every example of every rule page: its input, options and the output block it shows.
    private static IEnumerable<(string Page, string Name, string Yaml, LintOptions Options, IReadOnlyList<string> Output)> Examples()
    {
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.RulesDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            var page = Path.GetFileName(path);
            var lines = File.ReadAllLines(path).ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                if (Marker.Match(lines[i].Trim()) is { Success: true } marker)
                {
                    var name = marker.Groups["name"].Value;
                    var (yamlStart, yamlEnd) = Fence(lines, i + 1, "```yaml", "```json", page, name);
                    var (outStart, outEnd) = Fence(lines, yamlEnd + 1, "```text", "```text", page, name);
                    var yaml = string.Concat(lines.Skip(yamlStart + 1).Take(yamlEnd - yamlStart - 1).Select(l => l + "\n"));
                    yield return (page, name, yaml, GoldenFile.ParseOptions(marker.Groups["options"].Value),
                        lines.Skip(outStart + 1).Take(outEnd - outStart - 1).ToList());
                    i = outEnd;
                }
            }
        }
    }

    // As dslint's text format prints it, so the page shows what `dslint lint` prints (tests/DualStack.Cli.Tests/Ux runs it).
    private static string Context(Finding finding)
    {
        var parts = new[] { finding.Object, finding.Field }.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return parts.Length == 0 ? string.Empty : " [" + string.Join(" ", parts) + "]";
    }

    // The next fenced block after `from`; it must open with one of the given fences.
    private static (int Start, int End) Fence(List<string> lines, int from, string fence, string alternative, string page, string name)
    {
        var start = lines.FindIndex(from, l => l.StartsWith("```", StringComparison.Ordinal));
        if (start < 0 || (lines[start].Trim() != fence && lines[start].Trim() != alternative))
        {
            throw new InvalidOperationException($"{page}: example {name} needs a {fence} block after line {from}");
        }

        var end = lines.FindIndex(start + 1, l => l.Trim() == "```");
        return end < 0 ? throw new InvalidOperationException($"{page}: unclosed block at line {start + 1}") : (start, end);
    }
}
