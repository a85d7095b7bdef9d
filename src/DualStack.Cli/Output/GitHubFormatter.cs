using System.Globalization;
using System.Text;
using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff
/// (<c>::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::message</c>; <c>::notice</c> for infos).
/// Paths are relative to the repository root, as the runner expects.
/// </summary>
internal sealed class GitHubFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            var command = finding.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var properties = string.Join(",", new[]
            {
                "file=" + EscapeProperty(report.Locator.AnnotationPath(finding.File)),
                "line=" + Number(finding.Line),
                "col=" + Number(finding.Column),
                "endLine=" + Number(finding.EndLine),
                "endColumn=" + Number(finding.EndColumn),
                "title=" + EscapeProperty(finding.RuleId),
            });
            writer.WriteLine($"::{command} {properties}::{EscapeData(finding.Message)}");
        }
    }

    /// <summary>
    /// The message part: <c>%</c>, CR and LF are encoded (GitHub's <c>escapeData</c>, decoded again in the annotation);
    /// every other control character from the inputs is shown as a visible escape, as in the text format, so a YAML
    /// value cannot drive the terminal of whoever reads the raw log.
    /// </summary>
    public static string EscapeData(string value) =>
        TerminalText.Escape(new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString());

    /// <summary>A property value: also <c>:</c> and <c>,</c>, which separate properties (GitHub's <c>escapeProperty</c>).</summary>
    public static string EscapeProperty(string value) =>
        new StringBuilder(EscapeData(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
