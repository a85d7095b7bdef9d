using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// The JSON contract of DESIGN.md ("Output"): other tools rely on these exact names, so they never change.
/// <c>object</c> and <c>field</c> are null for findings about a whole file.
/// </summary>
internal sealed class JsonFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer) => JsonOutput.Write(writer, json =>
    {
        json.WriteStartObject();
        json.WriteString("tool", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", report.Files);
        json.WriteNumber("documents", report.Documents);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteNumber("infos", report.Infos);
        if (report.Baseline is { } baseline)
        {
            // Additions to the contract, present only when a baseline is in use: findings holds the new ones only.
            json.WriteString("baseline", baseline.File);
            json.WriteNumber("suppressedByBaseline", baseline.Suppressed.Count);
            json.WriteNumber("staleBaselineEntries", baseline.StaleEntries);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>One finding in the contract's shape (also used by <c>dslint plan --format json</c>).</summary>
    public static void WriteFinding(System.Text.Json.Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("severity", finding.Severity.ToOutputName());
        json.WriteString("message", finding.Message);
        json.WriteString("file", finding.File);
        json.WriteNumber("line", finding.Line);
        json.WriteNumber("column", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteStringOrNull("object", finding.Object);
        json.WriteStringOrNull("field", finding.Field);
        json.WriteEndObject();
    }
}
