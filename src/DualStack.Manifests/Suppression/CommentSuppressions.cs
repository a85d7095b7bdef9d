using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Suppression;

/// <summary>
/// Reads the suppression comments of a file: <c># dslint-disable-next-line DS2005, DS2010 reason</c> and
/// <c># dslint-disable-file DS2005 reason</c>. "Next line" is the next line that holds YAML, so several suppression
/// comments can be stacked above one line. Comments are found line by line (a <c>#</c> at the start of a line or
/// after white space, outside quotes); text inside a block scalar that looks like a comment counts too.
/// </summary>
public static class CommentSuppressions
{
    private const string Prefix = "dslint-";

    public static IReadOnlyList<SuppressionDirective> Read(SourceFile file, ICollection<Finding> problems)
    {
        var suppressions = new List<SuppressionDirective>();
        var text = file.Text;
        if (text is null || text.IndexOf(Prefix, StringComparison.Ordinal) < 0)
        {
            return suppressions;
        }

        var skipped = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var pending = new List<SuppressionDirective>();
        var lineStart = skipped;
        var line = 1;
        while (lineStart < text.Length)
        {
            var lineEnd = TextPosition.LineEnd(text, lineStart, out var next);
            var commentStart = TextPosition.CommentStart(text, lineStart, lineEnd);
            if (HasContent(text, lineStart, commentStart))
            {
                foreach (var waiting in pending)
                {
                    suppressions.Add(WithTarget(waiting, line));
                }

                pending.Clear();
            }

            if (commentStart < lineEnd)
            {
                var column = commentStart - lineStart + 1;
                var span = new SourceSpan(line, column, line, lineEnd - lineStart + 1, commentStart, lineEnd - commentStart);
                var body = text.Substring(commentStart + 1, lineEnd - commentStart - 1).Trim();
                if (body.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    foreach (var suppression in Parse(file.Path, body, span, problems))
                    {
                        (suppression.Scope == SuppressionScope.File ? suppressions : pending).Add(suppression);
                    }
                }
            }

            lineStart = next;
            line++;
        }

        // Nothing follows: these cover no line, and DS0005 will say so.
        suppressions.AddRange(pending);
        return suppressions;
    }

    private static bool HasContent(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static SuppressionDirective WithTarget(SuppressionDirective s, int line) =>
        new(s.Scope, s.RuleId, s.Reason, s.File, s.WrittenAt, s.Description) { TargetLine = line };

    private static IEnumerable<SuppressionDirective> Parse(string path, string body, SourceSpan span, ICollection<Finding> problems)
    {
        var space = body.IndexOfAny([' ', '\t']);
        var directive = space < 0 ? body : body.Substring(0, space);
        var rest = space < 0 ? string.Empty : body.Substring(space).Trim();
        var scope = directive switch
        {
            SuppressionSyntax.NextLine => SuppressionScope.NextLine,
            SuppressionSyntax.File => SuppressionScope.File,
            _ => (SuppressionScope?)null,
        };

        if (scope is null)
        {
            return Problem(path, span, problems,
                $"unknown suppression comment \"{directive}\"; expected \"# {SuppressionSyntax.NextLine} DS2005 reason\" or \"# {SuppressionSyntax.File} DS2005 reason\"");
        }

        if (SuppressionSyntax.SplitIds(rest) is not { } split)
        {
            return Problem(path, span, problems,
                $"\"{directive}\" names no rule ID; write \"# {directive} DS2005 reason\", several IDs separated by commas");
        }

        if (SuppressionSyntax.CheckIds(split.Ids, " in a comment", out var canonicalIds) is { } idProblem)
        {
            return Problem(path, span, problems, idProblem + "; the comment is ignored");
        }

        var reason = split.Remainder.Trim().TrimStart('-', ':').Trim();
        var ids = string.Join(", ", canonicalIds);
        if (reason.Length == 0)
        {
            return Problem(path, span, problems,
                $"\"# {directive} {ids}\" gives no reason; say why after the IDs, e.g. \"# {directive} {ids} the app serves IPv4 clients only\"; the comment is ignored");
        }

        return canonicalIds.Select(id => new SuppressionDirective(scope.Value, id, reason, path, span, $"\"# {directive} {id}\"")).ToList();
    }

    private static IEnumerable<SuppressionDirective> Problem(string path, SourceSpan span, ICollection<Finding> problems, string message)
    {
        problems.Add(InputFindings.Create(RuleIds.MalformedSuppression, path, message, span.Line, span.Column, span.EndColumn));
        return [];
    }
}
