using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Suppression;

/// <summary>
/// Removes the findings that suppressions cover, and reports each suppression that covered nothing (DS0005): a stale
/// suppression would silently hide the next real problem at that place.
/// </summary>
public static class SuppressionFilter
{
    public static List<Finding> Apply(IEnumerable<Finding> findings, IReadOnlyList<SuppressionDirective> suppressions)
    {
        var byFile = suppressions.GroupBy(s => s.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var kept = new List<Finding>();
        foreach (var finding in findings)
        {
            var suppressed = false;
            if (byFile.TryGetValue(finding.File, out var candidates))
            {
                // Every covering suppression counts as used, so overlapping ones are not reported as unused.
                foreach (var suppression in candidates)
                {
                    if (suppression.Covers(finding))
                    {
                        suppression.Used = true;
                        suppressed = true;
                    }
                }
            }

            if (!suppressed)
            {
                kept.Add(finding);
            }
        }

        foreach (var unused in suppressions.Where(s => !s.Used))
        {
            kept.Add(Unused(unused));
        }

        return kept;
    }

    private static Finding Unused(SuppressionDirective s)
    {
        var where = s.Scope switch
        {
            SuppressionScope.File => "in this file",
            SuppressionScope.NextLine when s.TargetLine > 0 => $"on line {s.TargetLine}",
            SuppressionScope.NextLine => "because no YAML line follows the comment",
            _ => $"in {s.ObjectReference}",
        };
        var reported = s.Scope == SuppressionScope.NextLine && s.TargetLine == 0
            ? $"{s.Description} suppresses nothing {where}"
            : $"{s.Description} suppressed nothing: {s.RuleId} reported no finding {where}";
        var span = s.WrittenAt;
        return InputFindings.Create(RuleIds.UnusedSuppression, s.File, reported + "; remove the suppression", span.Line, span.Column, span.EndLine == span.Line ? span.EndColumn : span.Column) with
        {
            Object = s.Scope == SuppressionScope.Object ? s.ObjectReference : null,
            Field = s.Scope == SuppressionScope.Object ? "metadata.annotations[" + SuppressionSyntax.Annotation + "]" : null,
        };
    }
}
