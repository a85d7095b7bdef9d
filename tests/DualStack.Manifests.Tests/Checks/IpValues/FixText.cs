using DualStack.Rules;

namespace DualStack.Manifests.Tests.Checks.IpValues;

/// <summary>Applies one finding's fix to the file text (through the engine's applier), for asserting the text after the fix.</summary>
internal static class FixText
{
    public static string Apply(string text, Finding finding)
    {
        var fix = finding.Fix ?? throw new InvalidOperationException($"{finding.RuleId} at {finding.Line}:{finding.Column} has no fix.");
        return DualStack.Manifests.Engine.FixApplier.Apply(text, [fix]);
    }
}
