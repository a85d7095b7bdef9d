using Microsoft.CodeAnalysis;

namespace DualStack.AnalyzerCost;

/// <summary>
/// A hand-labelled list of real occurrences to score findings against. One label a line:
/// <c>TP repo/path/File.cs:120 explanation</c> for an IPv4-only occurrence the analyzer should report, or
/// <c>OK repo/path/File.cs:88 explanation</c> for a correct look-alike that must stay silent. Several lines may be given
/// as <c>File.cs:120,134</c> (the value's assignment and its sink: a finding on either counts). Lines starting with
/// '#' and blank lines are ignored; so is anything that is not a label, so the list can live in a Markdown note.
/// </summary>
internal sealed record Label(bool ShouldReport, string File, IReadOnlyList<int> Lines, string Text)
{
    public static IReadOnlyList<Label> Parse(IEnumerable<string> lines)
    {
        var labels = new List<Label>();
        foreach (var raw in lines)
        {
            // Markdown list items and table cells are accepted: "- TP path:1 text", "| TP | path:1 | text |".
            var line = raw.Trim().TrimStart('-', '*', '|', ' ').Replace(" | ", " ", StringComparison.Ordinal).Replace('`', ' ').Trim();
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] is not ("TP" or "OK"))
            {
                continue;
            }

            var colon = parts[1].LastIndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var numbers = parts[1][(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(n => int.TryParse(n, out var v) ? v : -1)
                .ToList();
            if (numbers.Count == 0 || numbers.Any(n => n <= 0))
            {
                continue;
            }

            labels.Add(new Label(parts[0] == "TP", parts[1][..colon], numbers, parts.Length > 2 ? parts[2].TrimEnd('|', ' ') : ""));
        }

        return labels;
    }

    /// <summary>The findings on this label's lines.</summary>
    public IEnumerable<Finding> Matches(IEnumerable<Finding> findings) =>
        findings.Where(f => string.Equals(f.File, File, StringComparison.Ordinal) && Lines.Contains(f.Line));
}

/// <summary>Recall over the TP labels (any severity and at Warning or above) and silence over the OK labels.</summary>
internal sealed record LabelScore(int Positives, int Found, int FoundAtWarning, int LookAlikes, int LookAlikesFlagged, IReadOnlyList<string> Lines)
{
    public static LabelScore Score(IReadOnlyList<Label> labels, IReadOnlyList<Finding> findings)
    {
        int found = 0, atWarning = 0, flagged = 0;
        var lines = new List<string>();
        foreach (var label in labels)
        {
            var matches = label.Matches(findings).ToList();
            var where = $"{label.File}:{string.Join(',', label.Lines)}";
            if (label.ShouldReport)
            {
                found += matches.Count > 0 ? 1 : 0;
                atWarning += matches.Any(m => m.Severity >= DiagnosticSeverity.Warning) ? 1 : 0;
                lines.Add(matches.Count > 0 ? $"found   {where} {Describe(matches)}" : $"MISSED  {where} {label.Text}");
            }
            else
            {
                flagged += matches.Count > 0 ? 1 : 0;
                lines.Add(matches.Count > 0 ? $"FLAGGED {where} {Describe(matches)} (correct look-alike: {label.Text})" : $"silent  {where}");
            }
        }

        return new LabelScore(labels.Count(l => l.ShouldReport), found, atWarning, labels.Count(l => !l.ShouldReport), flagged, lines);
    }

    private static string Describe(IEnumerable<Finding> matches) =>
        string.Join("; ", matches.Select(m => $"{m.Id} {m.Severity}"));
}
