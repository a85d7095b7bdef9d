using System.Text;
using System.Text.RegularExpressions;
using DualStack.Cli.Output;

namespace DualStack.Cli.Help;

/// <summary>
/// Renders a rule page (the small Markdown subset the pages use) for a terminal: headings stand out (bold, underlined
/// with <c>=</c> or <c>-</c>), fenced code is indented without its fences, tables become aligned columns, links show
/// their address, and HTML comments (the examples' markers for the tests) disappear.
/// </summary>
internal static partial class TerminalMarkdown
{
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    public static string Render(string markdown, TextStyle style)
    {
        var lines = HtmlComment().Replace(markdown.ReplaceLineEndings("\n"), string.Empty).Split('\n');
        var output = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                i = CodeBlock(lines, i, output, style);
                continue;
            }

            if (line.StartsWith('|'))
            {
                i = Table(lines, i, output, style);
                continue;
            }

            if (Heading(line) is { } heading)
            {
                var text = Inline(heading.Text, style);
                output.Add(style.Bold(text));
                if (heading.Level <= 2)
                {
                    output.Add(new string(heading.Level == 1 ? '=' : '-', heading.Text.Length));
                }

                continue;
            }

            output.Add(Inline(line, style));
        }

        return CollapseBlankLines(output);
    }

    private static (int Level, string Text)? Heading(string line)
    {
        var level = line.TakeWhile(c => c == '#').Count();
        return level is > 0 and <= 6 && line.Length > level && line[level] == ' ' ? (level, line[(level + 1)..].Trim()) : null;
    }

    // Code keeps every character (it is meant to be copied), indented by four spaces.
    private static int CodeBlock(string[] lines, int start, List<string> output, TextStyle style)
    {
        var i = start + 1;
        for (; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
        {
            output.Add(lines[i].Length == 0 ? string.Empty : "    " + style.Cyan(lines[i]));
        }

        return i;
    }

    private static int Table(string[] lines, int start, List<string> output, TextStyle style)
    {
        var rows = new List<string[]>();
        var i = start;
        for (; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            if (!TableSeparator().IsMatch(lines[i].Trim()))
            {
                rows.Add(lines[i].Trim().Trim('|').Split('|').Select(c => Inline(c.Trim(), TextStyle.Plain)).ToArray());
            }
        }

        var widths = Enumerable.Range(0, rows.Max(r => r.Length)).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var text = string.Join("  ", rows[r].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();
            output.Add(r == 0 ? style.Bold(text) : text);
        }

        return i - 1;
    }

    private static string Inline(string text, TextStyle style)
    {
        text = Link().Replace(text, m => m.Groups["text"].Value == m.Groups["url"].Value ? m.Groups["url"].Value : $"{m.Groups["text"].Value} ({m.Groups["url"].Value})");
        return Strong().Replace(text, m => style.Bold(m.Groups["text"].Value));
    }

    private static string CollapseBlankLines(List<string> lines)
    {
        var builder = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            var isBlank = line.Trim().Length == 0;
            if (isBlank && blank)
            {
                continue;
            }

            builder.Append(isBlank ? string.Empty : line).Append('\n');
            blank = isBlank;
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }
}
