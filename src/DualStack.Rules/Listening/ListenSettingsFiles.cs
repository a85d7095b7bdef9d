namespace DualStack.Rules.Listening;

/// <summary>Files besides code that set ASP.NET Core listen URLs.</summary>
public enum ListenSettingsFileKind
{
    None,

    /// <summary><c>appsettings*.json</c>: <c>urls</c> and <c>Kestrel:Endpoints:*:Url</c>.</summary>
    AppSettings,

    /// <summary><c>launchSettings.json</c>: <c>profiles:*:applicationUrl</c> and the URL variables of <c>environmentVariables</c>.</summary>
    LaunchSettings,

    /// <summary>A Dockerfile: <c>ENV</c> instructions setting the URL variables (see <see cref="DockerfileEnv"/>).</summary>
    Dockerfile,
}

/// <summary>Which files carry listen URLs, and where inside them (JSON property paths; keys compare case-insensitively).</summary>
public static class ListenSettingsFiles
{
    /// <summary>A path step that matches every property of an object (an endpoint name, a profile name).</summary>
    public const string AnyProperty = "*";

    private static readonly IReadOnlyList<IReadOnlyList<string>> AppSettingsPaths =
    [
        [ListenVariables.UrlsKey],
        ["Kestrel", "Endpoints", AnyProperty, "Url"],
    ];

    private static readonly IReadOnlyList<IReadOnlyList<string>> LaunchSettingsPaths =
    [
        ["profiles", AnyProperty, "applicationUrl"],
        .. ListenVariables.AspNetCoreUrlVariables.Select(v => (IReadOnlyList<string>)["profiles", AnyProperty, "environmentVariables", v]),
    ];

    /// <summary>What kind of listen-URL file <paramref name="path"/> names, by its file name.</summary>
    public static ListenSettingsFileKind Classify(string? path)
    {
        var name = Path.GetFileName(path ?? string.Empty);
        if (string.Equals(name, "launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return ListenSettingsFileKind.LaunchSettings;
        }

        if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ListenSettingsFileKind.AppSettings;
        }

        return name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            ? ListenSettingsFileKind.Dockerfile
            : ListenSettingsFileKind.None;
    }

    /// <summary>
    /// The JSON property paths whose string values are Kestrel URL lists in a file of <paramref name="kind"/>
    /// (<see cref="AnyProperty"/> matches every property); empty for Dockerfiles and other files.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> UrlPaths(ListenSettingsFileKind kind) => kind switch
    {
        ListenSettingsFileKind.AppSettings => AppSettingsPaths,
        ListenSettingsFileKind.LaunchSettings => LaunchSettingsPaths,
        _ => [],
    };
}
