namespace DualStack.Rules;

/// <summary>Converts severities to and from the words used in <c>.editorconfig</c>, the CLI and the JSON output.</summary>
public static class SeverityNames
{
    /// <summary>
    /// Parses an editorconfig / command-line severity: <c>none</c>, <c>silent</c> (also <c>hidden</c>),
    /// <c>suggestion</c> (also <c>info</c>), <c>warning</c> (also <c>warn</c>), <c>error</c>; case-insensitive.
    /// Roslyn's <c>default</c> means "keep the rule's default" and yields <c>false</c> here.
    /// </summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none":
                severity = Severity.None;
                return true;
            case "silent":
            case "hidden":
                severity = Severity.Hidden;
                return true;
            case "suggestion":
            case "info":
                severity = Severity.Info;
                return true;
            case "warning":
            case "warn":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }

    /// <summary>The word used in JSON output and text output: <c>error</c>, <c>warning</c>, <c>info</c>, <c>hidden</c>, <c>none</c>.</summary>
    public static string ToOutputName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        Severity.Hidden => "hidden",
        _ => "none",
    };
}
