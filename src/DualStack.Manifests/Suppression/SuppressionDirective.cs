using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Suppression;

/// <summary>Where a suppression applies.</summary>
public enum SuppressionScope
{
    /// <summary><c># dslint-disable-next-line ID reason</c>: findings that start on the next line holding YAML.</summary>
    NextLine,

    /// <summary><c># dslint-disable-file ID reason</c>: findings anywhere in the file.</summary>
    File,

    /// <summary>
    /// The annotation <c>dualstack-lint.io/ignore: "ID: reason"</c>: findings inside the annotated object, or naming it
    /// as their object.
    /// </summary>
    Object,
}

/// <summary>
/// One rule suppressed in one place, with where it is written (for DS0005 when it suppressed nothing).
/// A comment or annotation that names several rules gives one suppression per rule.
/// </summary>
public sealed class SuppressionDirective
{
    public SuppressionDirective(SuppressionScope scope, string ruleId, string reason, string file, SourceSpan writtenAt, string description)
    {
        Scope = scope;
        RuleId = ruleId;
        Reason = reason;
        File = file;
        WrittenAt = writtenAt;
        Description = description;
    }

    public SuppressionScope Scope { get; }

    public string RuleId { get; }

    public string Reason { get; }

    public string File { get; }

    /// <summary>The comment or annotation value that holds the suppression.</summary>
    public SourceSpan WrittenAt { get; }

    /// <summary>How the suppression reads in messages, e.g. <c>"# dslint-disable-next-line DS2005"</c>.</summary>
    public string Description { get; }

    /// <summary>For <see cref="SuppressionScope.NextLine"/>: the line it covers, or 0 when no YAML follows the comment.</summary>
    public int TargetLine { get; init; }

    /// <summary>For <see cref="SuppressionScope.Object"/>: the object's extent and reference.</summary>
    public SourceSpan ObjectSpan { get; init; }

    public string? ObjectReference { get; init; }

    /// <summary>Set once the suppression removed a finding.</summary>
    public bool Used { get; set; }

    public bool Covers(Finding finding)
    {
        if (finding.RuleId != RuleId || finding.File != File)
        {
            return false;
        }

        return Scope switch
        {
            SuppressionScope.File => true,
            SuppressionScope.NextLine => finding.Line == TargetLine,
            // Inside the object, or about it: a run check may report on a Service at the workload that breaks it.
            _ => IsInside(finding.Line, finding.Column, ObjectSpan) || (ObjectReference is not null && finding.Object == ObjectReference),
        };
    }

    private static bool IsInside(int line, int column, SourceSpan span) =>
        (line > span.Line || (line == span.Line && column >= span.Column))
        && (line < span.EndLine || (line == span.EndLine && column <= span.EndColumn));
}
