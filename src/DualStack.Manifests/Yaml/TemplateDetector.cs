using System.Text.RegularExpressions;

namespace DualStack.Manifests.Yaml;

/// <summary>A Go template action (<c>{{ … }}</c>) found outside comments.</summary>
/// <param name="Start">Offset of <c>{{</c> in the text.</param>
/// <param name="Length">Length up to and including <c>}}</c>.</param>
/// <param name="IsHelm">True when the action uses Helm's objects or functions, or whitespace trimming.</param>
public readonly record struct TemplateAction(int Start, int Length, string Text, bool IsHelm)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds Go template actions outside YAML comments. A Helm chart template is not YAML until rendered; but alerting
/// rules, Alertmanager configurations and ConfigMaps legitimately carry <c>{{ $labels.instance }}</c> inside string
/// values. So a file is a template when an action uses Helm (<c>.Values</c>, <c>.Release</c>, <c>include</c>, <c>toYaml</c>,
/// <c>{{-</c>, …), or when an action sits outside every scalar value, or the file does not parse as YAML
/// (decided by <see cref="YamlLoader"/>).
/// </summary>
public static class TemplateDetector
{
    // Actions rarely span more than a line or two; a lone "{{" with no close nearby is text, not an action.
    private const int MaxActionLength = 1000;

    private static readonly Regex HelmAction = new(
        @"^\{\{-|-\}\}$|\.(Values|Release|Chart|Capabilities|Files|Template)\b|\b(include|toYaml|tpl|required|nindent)\b",
        RegexOptions.CultureInvariant);

    public static IReadOnlyList<TemplateAction> FindActions(string text)
    {
        var actions = new List<TemplateAction>();
        if (text.IndexOf("{{", StringComparison.Ordinal) < 0)
        {
            return actions;
        }

        // The next "}}" is searched once and reused, so a text full of "{{" with no close stays linear.
        var nextClose = -1;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = TextPosition.LineEnd(text, lineStart, out var next);
            var commentStart = TextPosition.CommentStart(text, lineStart, lineEnd);
            var open = text.IndexOf("{{", lineStart, commentStart - lineStart, StringComparison.Ordinal);
            while (open >= 0)
            {
                if (nextClose < open + 2)
                {
                    nextClose = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                    if (nextClose < 0)
                    {
                        return actions;
                    }
                }

                var resumeAt = open + 2;
                if (nextClose + 2 - open <= MaxActionLength)
                {
                    var action = text.Substring(open, nextClose + 2 - open);
                    actions.Add(new TemplateAction(open, action.Length, action, HelmAction.IsMatch(action)));
                    resumeAt = nextClose + 2;
                }

                open = resumeAt < commentStart ? text.IndexOf("{{", resumeAt, commentStart - resumeAt, StringComparison.Ordinal) : -1;
            }

            // An action that spans lines continues past this line; resume after it.
            lineStart = actions.Count > 0 && actions[actions.Count - 1].End > next ? LineStartAfter(text, actions[actions.Count - 1].End) : next;
        }

        return actions;
    }

    private static int LineStartAfter(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }
}
