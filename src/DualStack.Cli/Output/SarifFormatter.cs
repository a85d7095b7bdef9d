using System.Text;
using System.Text.Json;
using DualStack.Rules;

namespace DualStack.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the manifest rules as <c>tool.driver.rules</c>
/// (with the rule page link repeated in <c>help.markdown</c>, since GitHub does not show <c>helpUri</c>), results with
/// exact 1-based regions (<c>endColumn</c> exclusive), root-relative URIs with <c>%SRCROOT%</c>, fixes as replacements,
/// and the exit code in <c>invocations</c>. With a baseline, every result carries <c>baselineState</c>: the reported
/// ones <c>new</c>, the baselined ones <c>unchanged</c> and suppressed (<c>kind: external</c>), so viewers hide them.
/// </summary>
internal sealed class SarifFormatter : IReportFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(LintReport report, TextWriter writer)
    {
        var baselined = report.Baseline?.Suppressed ?? [];
        var rules = RulesFor([.. report.Findings, .. baselined]);
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        JsonOutput.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", report.Locator.RootUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, ruleIndex[finding.RuleId], report.Locator, report.Baseline is null ? null : "new", null);
            }

            foreach (var finding in baselined)
            {
                WriteResult(json, finding, ruleIndex[finding.RuleId], report.Locator, "unchanged", report.Baseline!.File);
            }

            json.WriteEndArray();
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            json.WriteNumber("exitCode", report.ExitCode);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>SARIF level for a severity: <c>error</c>, <c>warning</c>, <c>note</c>, <c>none</c>.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A PascalCase identifier from the title, e.g. "YAML syntax error" → "YamlSyntaxError".</summary>
    public static string RuleName(RuleDescriptor rule)
    {
        var builder = new StringBuilder();
        foreach (var word in rule.Title.Split([' ', '-', '/', '(', ')', ',', '.', '\'', '"', ':', '`'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(letters[0])).Append(letters.Length > 1 && letters.All(c => !char.IsLower(c)) ? letters.Substring(1).ToLowerInvariant() : letters.Substring(1));
            }
        }

        return builder.ToString();
    }

    // Every manifest rule (so viewers can show rule help even for rules without results), plus any other reported rule.
    private static List<RuleDescriptor> RulesFor(IReadOnlyList<Finding> findings)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All.Where(r => r.Scope != RuleScope.CSharp))
        {
            ids.Add(rule.Id);
        }

        foreach (var finding in findings)
        {
            ids.Add(finding.RuleId);
        }

        return ids.Select(RuleCatalog.Get).ToList();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleName(rule));
            WriteText(json, "shortDescription", rule.Title);
            WriteText(json, "fullDescription", rule.Description);
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("help");
            json.WriteString("text", $"{rule.Description} See {rule.HelpLink}");
            json.WriteString("markdown", $"{rule.Description}\n\nSee [{rule.Id}: {rule.Title}]({rule.HelpLink}).");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue(rule.Category);
            json.WriteStringValue("dual-stack");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <param name="baselineState">SARIF <c>baselineState</c>, or null when the run has no baseline.</param>
    /// <param name="baselineFile">For a baselined result: the baseline that suppresses it.</param>
    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, ArtifactLocator locator, string? baselineState, string? baselineFile)
    {
        var (uri, uriBaseId) = locator.SarifLocation(finding.File);
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, uri, uriBaseId);
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", Math.Max(finding.EndLine, finding.Line));
        json.WriteNumber("endColumn", finding.EndLine > finding.Line ? finding.EndColumn : Math.Max(finding.EndColumn, finding.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Object is { } obj)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", obj);
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Fix is { } fix)
        {
            WriteFix(json, fix, uri, uriBaseId);
        }

        if (baselineState is not null)
        {
            json.WriteString("baselineState", baselineState);
        }

        if (baselineFile is not null)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", "accepted in the dslint baseline " + baselineFile);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (finding.Object is not null || finding.Field is not null)
        {
            json.WriteStartObject("properties");
            if (finding.Object is { } o)
            {
                json.WriteString("object", o);
            }

            if (finding.Field is { } field)
            {
                json.WriteString("field", field);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, TextEdit fix, string uri, string? uriBaseId)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        WriteText(json, "description", fix.Description);
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, uri, uriBaseId);
        json.WriteStartArray("replacements");
        json.WriteStartObject();
        json.WriteStartObject("deletedRegion");
        json.WriteNumber("charOffset", fix.Start);
        json.WriteNumber("charLength", fix.Length);
        json.WriteEndObject();
        json.WriteStartObject("insertedContent");
        json.WriteString("text", fix.NewText);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, string uri, string? uriBaseId)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        if (uriBaseId is not null)
        {
            json.WriteString("uriBaseId", uriBaseId);
        }

        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
