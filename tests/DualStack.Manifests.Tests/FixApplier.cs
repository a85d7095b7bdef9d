using DualStack.Rules;

namespace DualStack.Manifests.Tests;

/// <summary>Applies a finding's fix to the text it was computed on, for tests that compare the whole fixed file.</summary>
public static class FixApplier
{
    public static string Apply(string text, TextEdit edit) =>
        text.Substring(0, edit.Start) + edit.NewText + text.Substring(edit.End);
}
