using DualStack.Rules;

namespace DualStack.Manifests.Tests.IpValues;

/// <summary>Applies a finding's fix to the file text, for asserting the text after the fix.</summary>
internal static class FixApplier
{
    public static string Apply(string text, Finding finding)
    {
        var fix = finding.Fix ?? throw new InvalidOperationException($"{finding.RuleId} at {finding.Line}:{finding.Column} has no fix.");
        return text.Substring(0, fix.Start) + fix.NewText + text.Substring(fix.End);
    }
}
