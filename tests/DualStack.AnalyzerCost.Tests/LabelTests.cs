using DualStack.AnalyzerCost;
using Microsoft.CodeAnalysis;

namespace DualStack.AnalyzerCost.Tests;

public sealed class LabelTests
{
    [Fact]
    public void Labels_are_read_from_markdown_lists_and_tables_and_the_rest_is_ignored()
    {
        var labels = Label.Parse([
            "# Shapes",
            "- TP `repo/src/Server.cs:42,57` IPAddress.Any stored in a field and bound in Start",
            "| OK | repo/src/Helper.cs:10 | IPv6Any bound too |",
            "- TP no-line-number.cs explanation",
            "Plain prose mentioning TP and OK.",
        ]);

        Assert.Collection(labels,
            l => Assert.Equal("True repo/src/Server.cs 42,57 IPAddress.Any stored in a field and bound in Start", Show(l)),
            l => Assert.Equal("False repo/src/Helper.cs 10 IPv6Any bound too", Show(l)));
    }

    private static string Show(Label label) => $"{label.ShouldReport} {label.File} {string.Join(',', label.Lines)} {label.Text}";

    [Fact]
    public void Score_counts_recall_at_any_severity_and_at_warning_and_flagged_look_alikes()
    {
        var labels = Label.Parse([
            "TP repo/A.cs:10,20 stored then bound",
            "TP repo/B.cs:5 split on ':'",
            "TP repo/C.cs:7 never found",
            "OK repo/D.cs:3 guarded",
            "OK repo/E.cs:9 guarded",
        ]);
        Finding[] findings =
        [
            new("repo/A.cs", 20, 1, "DS1001", DiagnosticSeverity.Warning, "m"),
            new("repo/B.cs", 5, 3, "DS1013", DiagnosticSeverity.Info, "m"),
            new("repo/B.cs", 6, 3, "DS1013", DiagnosticSeverity.Warning, "another line"),
            new("repo/D.cs", 3, 1, "DS1007", DiagnosticSeverity.Info, "m"),
            new("repo/other/E.cs", 9, 1, "DS1007", DiagnosticSeverity.Info, "same name, other file"),
        ];

        var score = LabelScore.Score(labels, findings);

        Assert.Equal((3, 2, 1, 2, 1), (score.Positives, score.Found, score.FoundAtWarning, score.LookAlikes, score.LookAlikesFlagged));
        Assert.Contains(score.Lines, l => l.StartsWith("MISSED  repo/C.cs:7", StringComparison.Ordinal));
        Assert.Contains(score.Lines, l => l.StartsWith("FLAGGED repo/D.cs:3 DS1007 Info", StringComparison.Ordinal));
    }
}
