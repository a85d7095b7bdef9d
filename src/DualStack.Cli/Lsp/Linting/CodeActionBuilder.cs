using DualStack.Cli.Lsp.Documents;
using DualStack.Cli.Lsp.Protocol;
using DualStack.Rules;

namespace DualStack.Cli.Lsp.Linting;

/// <summary>
/// The quick fixes for the findings under the editor's cursor or selection: every fix the engine attached to a finding
/// (one edit of exactly the range the fix changes), and a <c># dslint-disable-next-line</c> comment above the finding.
/// </summary>
internal static class CodeActionBuilder
{
    public const string ReasonPlaceholder = "<reason>";

    /// <param name="relint">Lints a changed text of the same document, to prove a suppression comment works there.</param>
    public static IReadOnlyList<CodeAction> Build(DocumentLocation location, DocumentLintResult lint, Protocol.Range range, Func<string, DocumentLintResult> relint)
    {
        var index = new LineIndex(lint.Text);
        var actions = new List<CodeAction>();
        var suppressions = new HashSet<(int Line, string RuleId)>();
        foreach (var finding in lint.Findings.Where(f => Touches(f, range)))
        {
            var diagnostic = DiagnosticMapper.ToDiagnostic(finding);
            if (finding.Fix is { } fix && fix.Start >= 0 && fix.End <= lint.Text.Length)
            {
                actions.Add(new CodeAction
                {
                    Title = $"Fix {finding.RuleId}: {fix.Description}",
                    Diagnostics = [diagnostic],
                    IsPreferred = true,
                    Edit = Edit(location.Uri, new Protocol.TextEdit(new Protocol.Range(index.PositionOf(fix.Start), index.PositionOf(fix.End)), fix.NewText)),
                });
            }

            if (!location.IsJson && finding.Line >= 1 && suppressions.Add((finding.Line, finding.RuleId))
                && Suppression(location, lint, index, finding, relint) is { } suppression)
            {
                actions.Add(suppression with { Diagnostics = [diagnostic] });
            }
        }

        return actions;
    }

    // A comment on its own line above the finding's first line, indented like it. Offered only when the commented
    // text really loses the finding and gains no syntax error (inside a block scalar the comment would be text).
    private static CodeAction? Suppression(DocumentLocation location, DocumentLintResult lint, LineIndex index, Finding finding, Func<string, DocumentLintResult> relint)
    {
        var line = finding.Line - 1;
        if (line >= index.LineCount || finding.RuleId is RuleIds.YamlSyntaxError or RuleIds.UnreadableInput or RuleIds.MalformedSuppression or RuleIds.UnusedSuppression)
        {
            return null;
        }

        var lineStart = index.LineStart(line);
        var lineEnd = index.LineContentEnd(line);
        var indent = 0;
        while (lineStart + indent < lineEnd && lint.Text[lineStart + indent] is ' ' or '\t')
        {
            indent++;
        }

        var newline = lint.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var comment = $"{lint.Text.Substring(lineStart, indent)}# dslint-disable-next-line {finding.RuleId} {ReasonPlaceholder}{newline}";
        var changed = lint.Text.Insert(lineStart, comment);
        var after = relint(changed);
        var stillThere = after.Findings.Any(f => f.RuleId == finding.RuleId && f.Line == finding.Line + 1 && f.Object == finding.Object && f.Field == finding.Field);
        var broken = after.Findings.Any(f => f.RuleId is RuleIds.YamlSyntaxError or RuleIds.MalformedSuppression)
            && !lint.Findings.Any(f => f.RuleId is RuleIds.YamlSyntaxError or RuleIds.MalformedSuppression);
        if (stillThere || broken)
        {
            return null;
        }

        var at = index.PositionOf(lineStart);
        return new CodeAction
        {
            Title = $"Suppress {finding.RuleId} on this line (# dslint-disable-next-line)",
            Edit = Edit(location.Uri, new Protocol.TextEdit(new Protocol.Range(at, at), comment)),
        };
    }

    private static bool Touches(Finding finding, Protocol.Range range)
    {
        var first = finding.Line - 1;
        var last = Math.Max(first, finding.EndLine - 1);
        return first <= range.End.Line && last >= range.Start.Line;
    }

    private static WorkspaceEdit Edit(string uri, Protocol.TextEdit edit) =>
        new(new Dictionary<string, IReadOnlyList<Protocol.TextEdit>> { [uri] = [edit] });
}
