using DualStack.Cli.Lsp.Protocol;
using DualStack.Rules;

namespace DualStack.Cli.Lsp.Linting;

/// <summary>
/// A finding as an LSP diagnostic: 0-based range (the engine's columns already count UTF-16 code units), the rule ID as
/// the code with a link to its page, and the object and field at the end of the message as the text output shows them.
/// </summary>
internal static class DiagnosticMapper
{
    /// <summary>Findings the editor shows: configured <c>silent</c> ones are left out, like in the text output.</summary>
    public static bool IsShown(Finding finding) => finding.Severity >= Severity.Info;

    public static Protocol.Diagnostic ToDiagnostic(Finding finding)
    {
        var start = new Position(Math.Max(0, finding.Line - 1), Math.Max(0, finding.Column - 1));
        var end = new Position(Math.Max(0, finding.EndLine - 1), Math.Max(0, finding.EndColumn - 1));
        if (end.Line < start.Line || (end.Line == start.Line && end.Character < start.Character))
        {
            end = start;
        }

        var context = new[] { finding.Object, finding.Field }.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return new Protocol.Diagnostic
        {
            Range = new Protocol.Range(start, end),
            Severity = finding.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                Severity.Info => DiagnosticSeverity.Information,
                _ => DiagnosticSeverity.Hint,
            },
            Code = finding.RuleId,
            CodeDescription = RuleCatalog.TryGet(finding.RuleId, out var rule) ? new CodeDescription(rule.HelpLink) : null,
            Message = context.Length == 0 ? finding.Message : $"{finding.Message} [{string.Join(" ", context)}]",
        };
    }
}
