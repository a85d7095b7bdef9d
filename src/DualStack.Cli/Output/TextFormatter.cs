using System.Globalization;
using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// The default format, one line per finding as compilers and actionlint print them, so editors and problem matchers
/// can jump to it: <c>path:line:col: severity ID: message [object field]</c>, then a one-line summary. Text from the
/// inputs is escaped (<see cref="TerminalText"/>): one finding is always one line.
/// </summary>
internal sealed class TextFormatter(TextStyle style, bool quiet) : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        foreach (var finding in report.Findings)
        {
            writer.WriteLine(FormatFinding(finding, style));
        }

        if (!quiet)
        {
            writer.WriteLine(Summary(report));
        }
    }

    public static string FormatFinding(Finding finding, TextStyle style)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Escape(finding.File)}:{finding.Line}:{finding.Column}:");
        var severity = finding.Severity.ToOutputName();
        var coloured = finding.Severity switch
        {
            Severity.Error => style.Red(severity),
            Severity.Warning => style.Yellow(severity),
            _ => style.Cyan(severity),
        };
        var context = Context(finding);
        return $"{style.Bold(location)} {coloured} {finding.RuleId}: {TerminalText.Escape(finding.Message)}{(context is null ? string.Empty : " " + style.Dim(context))}";
    }

    /// <summary><c>N files, M documents: E errors, W warnings, I infos</c>, then <c>; baseline: S suppressed, G no longer found</c> with a baseline.</summary>
    public static string Summary(LintReport report) =>
        $"{Count(report.Files, "file")}, {Count(report.Documents, "document")}: " +
        $"{Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}, {Count(report.Infos, "info")}" +
        (report.Baseline is { } baseline
            ? string.Create(CultureInfo.InvariantCulture, $"; baseline: {baseline.Suppressed.Count} suppressed, {baseline.StaleEntries} no longer found")
            : string.Empty);

    private static string? Context(Finding finding)
    {
        var parts = new[] { finding.Object, finding.Field }.Where(p => !string.IsNullOrEmpty(p)).ToArray();
        return parts.Length == 0 ? null : "[" + TerminalText.Escape(string.Join(" ", parts)) + "]";
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
