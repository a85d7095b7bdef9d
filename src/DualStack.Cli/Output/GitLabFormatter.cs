using System.Security.Cryptography;
using System.Text;
using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// GitLab Code Quality report (<c>artifacts:reports:codequality</c>): a JSON array of issues with description,
/// check_name, severity (error → critical, warning → major, info → info), repository-relative path and begin line,
/// and a fingerprint. The fingerprint hashes rule, path, object, field and message, not the line, so a finding that
/// only moved is the same issue in GitLab's merge request comparison.
/// </summary>
internal sealed class GitLabFormatter : IReportFormatter
{
    public void Write(LintReport report, TextWriter writer)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartArray();
            foreach (var finding in report.Findings)
            {
                var path = report.Locator.AnnotationPath(finding.File);
                var key = string.Join("\n", finding.RuleId, path, finding.Object ?? string.Empty, finding.Field ?? string.Empty, finding.Message);

                // The same problem twice in one file (two identical objects) still needs two fingerprints.
                seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 0;
                json.WriteStartObject();
                json.WriteString("type", "issue");
                json.WriteString("description", finding.Message);
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("fingerprint", Fingerprint(key + "\n" + seen[key]));
                json.WriteString("severity", finding.Severity switch
                {
                    Severity.Error => "critical",
                    Severity.Warning => "major",
                    _ => "info",
                });
                json.WriteStartObject("location");
                json.WriteString("path", path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", finding.Line);
                json.WriteNumber("end", finding.EndLine);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private static string Fingerprint(string key)
    {
        using var sha = SHA256.Create();
        return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
    }
}
