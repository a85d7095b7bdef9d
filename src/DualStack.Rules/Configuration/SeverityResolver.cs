namespace DualStack.Rules;

/// <summary>
/// Decides a finding's effective severity: the rule's default (or the severity the check chose for this case),
/// then the <c>.editorconfig</c> value <c>dotnet_diagnostic.ID.severity</c>, then a command-line override.
/// </summary>
public static class SeverityResolver
{
    /// <summary>The editorconfig key for a rule's severity.</summary>
    public static string EditorConfigKey(string ruleId) => "dotnet_diagnostic." + ruleId + ".severity";

    /// <param name="rule">The rule reported.</param>
    /// <param name="checkSeverity">The severity the check chose for this case, or null for the rule's default.</param>
    /// <param name="editorConfigValue">The raw editorconfig value for this file, if any (<c>warning</c>, <c>none</c>, …).</param>
    /// <param name="commandLineOverride">The command-line override, if any.</param>
    public static Severity Resolve(RuleDescriptor rule, Severity? checkSeverity, string? editorConfigValue, Severity? commandLineOverride)
    {
        if (commandLineOverride is { } fromCommandLine)
        {
            return fromCommandLine;
        }

        if (SeverityNames.TryParse(editorConfigValue, out var fromEditorConfig))
        {
            return fromEditorConfig;
        }

        return checkSeverity ?? rule.DefaultSeverity;
    }
}
