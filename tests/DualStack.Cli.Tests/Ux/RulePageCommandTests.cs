using System.Text.RegularExpressions;

namespace DualStack.Cli.Tests.Ux;

/// <summary>
/// Every dslint command shown on a rule page is run with the real tool, so the pages cannot show a command that fails
/// (actionlint's executable docs). A command is an inline code span that starts with <c>dslint </c> or pipes into
/// <c>| dslint </c>, or such a line in a <c>sh</c>/<c>console</c> block. It runs in a folder holding the page's
/// examples (<c>&lt;!-- example: NAME --&gt;</c> blocks); a command followed by "reports:" must print exactly the
/// findings of the next <c>text</c> block, on the example just above it. A pipeline's producer (helm, kubectl) is
/// replaced by that example on standard input.
/// </summary>
public sealed partial class RulePageCommandTests
{
    [GeneratedRegex(@"`(?<cmd>(?:[^`]*\|\s*)?dslint\s[^`]*)`(?<after>[^`]*)")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"^<!--\s*example:\s*(?<name>\S+)(?<options>(\s+[a-z-]+=\S+)*)\s*-->$")]
    private static partial Regex ExampleMarker();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.RulesDirectory, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (Commands(File.ReadAllLines(path)).Count > 0)
            {
                data.Add(Path.GetFileName(path));
            }
        }

        return data;
    }

    [Fact]
    public void The_pages_show_commands_to_run()
    {
        var all = Directory.EnumerateFiles(RepositoryPaths.RulesDirectory, "*.md").SelectMany(p => Commands(File.ReadAllLines(p))).ToList();

        Assert.True(all.Count >= 16, $"only {all.Count} commands found: the extraction is broken");
        Assert.True(all.Count(c => c.Expected is not null) >= 13, "the 'reports:' commands are not found");
        Assert.Contains(all, c => c.Text.Contains("| dslint lint -", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_command_on_the_page_works(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.RulesDirectory, page));
        var failures = new List<string>();
        foreach (var command in Commands(lines))
        {
            using var folder = new TempFolder();
            if (command.Expected is null)
            {
                foreach (var example in command.AllExamples.DistinctBy(e => e.Name))
                {
                    folder.Write(example.Name, example.Yaml);
                }
            }
            else if (command.Example is { } shown)
            {
                folder.Write(shown.Name, shown.Yaml);
            }

            var dslintPart = command.Text.Contains('|') ? command.Text[(command.Text.LastIndexOf('|') + 1)..].Trim() : command.Text;
            var args = dslintPart.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Append("--no-color").ToArray();
            var stdin = command.Text.Contains('|') ? command.Example?.Yaml ?? string.Empty : null;
            var result = Dslint.RunWithInput(folder.Path, stdin, null, args);

            if (result.ExitCode == 2 || result.Stderr.Contains("dslint: error", StringComparison.Ordinal))
            {
                failures.Add($"{page}:{command.Line}: `{command.Text}` failed:\n{result}");
                continue;
            }

            if (command.Expected is { } expected)
            {
                var findings = result.StdoutLines.Take(result.StdoutLines.Length - 1).ToArray();
                var shownLines = expected.SequenceEqual(["(no findings)"]) ? [] : expected;
                if (!findings.SequenceEqual(shownLines))
                {
                    failures.Add($"{page}:{command.Line}: `{command.Text}` prints\n{string.Join("\n", findings)}\nbut the page shows\n{string.Join("\n", shownLines)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    internal sealed record Example(string Name, string Yaml);

    internal sealed record PageCommand(int Line, string Text, Example? Example, IReadOnlyList<Example> AllExamples, IReadOnlyList<string>? Expected);

    internal static List<PageCommand> Commands(string[] lines)
    {
        var examples = Examples(lines);
        var commands = new List<PageCommand>();
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? line.Trim()[3..] : null;
                continue;
            }

            var before = examples.Where(e => e.Line < i).Select(e => e.Example).LastOrDefault();
            if (fence is "sh" or "shell" or "console" or "bash")
            {
                var text = line.Trim().TrimStart('$').Trim();
                if (text.StartsWith("dslint ", StringComparison.Ordinal) || text.Contains("| dslint ", StringComparison.Ordinal))
                {
                    commands.Add(new PageCommand(i + 1, text, before, examples.Select(e => e.Example).ToList(), null));
                }

                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            foreach (Match match in InlineCommand().Matches(line))
            {
                var expected = match.Groups["after"].Value.Contains("reports", StringComparison.Ordinal) ? NextTextBlock(lines, i + 1) : null;
                commands.Add(new PageCommand(i + 1, match.Groups["cmd"].Value.Trim(), before, examples.Select(e => e.Example).ToList(), expected));
            }
        }

        return commands;
    }

    private static List<(int Line, Example Example)> Examples(string[] lines)
    {
        var result = new List<(int, Example)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = ExampleMarker().Match(lines[i].Trim());
            if (!marker.Success)
            {
                continue;
            }

            var start = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "```");
            result.Add((i, new Example(marker.Groups["name"].Value, string.Concat(lines[(start + 1)..end].Select(l => l + "\n")))));
        }

        return result;
    }

    private static IReadOnlyList<string> NextTextBlock(string[] lines, int from)
    {
        var start = Array.FindIndex(lines, from, l => l.StartsWith("```", StringComparison.Ordinal));
        Assert.True(start >= 0 && lines[start].Trim() == "```text", $"a 'reports:' command at line {from} needs a text block after it");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "```");
        return lines[(start + 1)..end];
    }
}
