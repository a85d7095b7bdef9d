using System.Text.RegularExpressions;

namespace DualStack.Manifests.Rendering;

/// <summary>One line of a source file read by indentation: the key path it sets and where its key and value are.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Path">The key path, with <c>[]</c> for sequence items (as in <see cref="NodePath"/>).</param>
/// <param name="KeyColumn">1-based column of the key, or 0 when the line holds a sequence item without a key.</param>
/// <param name="ValueColumn">1-based column where the value starts (after <c>key: </c> or <c>- </c>), or 0 when there is none.</param>
public sealed record TemplateLine(int Line, IReadOnlyList<string> Path, int KeyColumn, string Value, int ValueColumn, string Text);

/// <summary>
/// Reads a Helm template (not YAML until rendered) or any YAML file line by line, following indentation, to tell which
/// key path each line sets. Lines holding only template actions (<c>{{- if … }}</c>) or comments change nothing, as
/// they produce no output of their own; block scalars (<c>|</c>, <c>&gt;</c>) are skipped whole. It is an
/// approximation good for the common chart layout, which is why <see cref="TemplateLocator"/> only uses a line
/// when the match is unambiguous.
/// </summary>
public static class TemplateLines
{
    private static readonly Regex Key = new(
        @"^(?:""(?<k>[^""]*)""|'(?<k>[^']*)'|(?<k>[^\s:#{""'\-\[][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)",
        RegexOptions.CultureInvariant);

    public static IReadOnlyList<TemplateLine> Read(string text)
    {
        var result = new List<TemplateLine>();
        var stack = new List<(int Indent, string Segment)>();
        var lines = text.Split('\n');
        var blockIndent = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ');
            var column = line.Length - content.Length;
            if (blockIndent >= 0)
            {
                if (content.Length == 0 || column > blockIndent)
                {
                    continue;
                }

                blockIndent = -1;
            }

            if (content.Length == 0 || content.StartsWith("#", StringComparison.Ordinal) || content.StartsWith("{{", StringComparison.Ordinal) ||
                content == "---" || content.StartsWith("--- ", StringComparison.Ordinal))
            {
                continue;
            }

            var itemIndent = -1;
            while (content == "-" || content.StartsWith("- ", StringComparison.Ordinal))
            {
                Pop(stack, s => s.Indent > column || (s.Indent == column && s.Segment == NodePath.Item));
                stack.Add((column, NodePath.Item));
                itemIndent = column;
                var rest = content.Substring(1);
                var after = rest.TrimStart(' ');
                column += 1 + rest.Length - after.Length;
                content = after;
            }

            var match = Key.Match(content);
            if (match.Success)
            {
                var key = match.Groups["k"].Value.Trim();
                Pop(stack, s => s.Indent >= column && !(s.Segment == NodePath.Item && s.Indent == itemIndent));
                stack.Add((column, key));
                var value = content.Substring(match.Length).TrimStart(' ');
                var valueColumn = value.Length == 0 ? 0 : line.Length - value.Length + 1;
                result.Add(new TemplateLine(i + 1, stack.Select(s => s.Segment).ToArray(), column + 1, value, valueColumn, line));
                if (IsBlockScalarHeader(value))
                {
                    blockIndent = column;
                }
            }
            else if (itemIndent >= 0)
            {
                result.Add(new TemplateLine(i + 1, stack.Select(s => s.Segment).ToArray(), 0, content, column + 1, line));
                stack.RemoveAt(stack.Count - 1);
                stack.Add((itemIndent, NodePath.Item));
                if (IsBlockScalarHeader(content))
                {
                    blockIndent = itemIndent;
                }
            }
        }

        return result;
    }

    private static bool IsBlockScalarHeader(string value)
    {
        var v = value.Split('#')[0].Trim();
        return v.Length > 0 && v.Length <= 3 && (v[0] == '|' || v[0] == '>');
    }

    private static void Pop(List<(int Indent, string Segment)> stack, Func<(int Indent, string Segment), bool> pop)
    {
        while (stack.Count > 0 && pop(stack[stack.Count - 1]))
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
