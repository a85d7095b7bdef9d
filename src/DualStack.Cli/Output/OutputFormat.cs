namespace DualStack.Cli.Output;

/// <summary>The values of <c>--format</c>.</summary>
internal static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";
    public const string JUnit = "junit";
    public const string GitLab = "gitlab";

    public static readonly string[] All = [Text, Json, Sarif, GitHub, JUnit, GitLab];

    public static IReportFormatter Create(string format, TextStyle style, bool quiet) => format switch
    {
        Json => new JsonFormatter(),
        Sarif => new SarifFormatter(),
        GitHub => new GitHubFormatter(),
        JUnit => new JUnitFormatter(),
        GitLab => new GitLabFormatter(),
        _ => new TextFormatter(style, quiet),
    };
}
