using DualStack.Analyzers.Json;

namespace DualStack.Analyzers.StringRules;

internal enum SettingsFileKind
{
    None,
    AppSettings,
    LaunchSettings,
}

/// <summary>Where ASP.NET Core settings files keep listen URLs (keys are case-insensitive, as in configuration).</summary>
internal static class DS1010ListenUrlSettings
{
    private static readonly string[] UrlVariables = ["ASPNETCORE_URLS", "URLS", "DOTNET_URLS"];

    public static SettingsFileKind Classify(string path)
    {
        var name = System.IO.Path.GetFileName(path ?? string.Empty);
        if (string.Equals(name, "launchSettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return SettingsFileKind.LaunchSettings;
        }

        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? SettingsFileKind.AppSettings
            : SettingsFileKind.None;
    }

    /// <summary>The string values that hold listen URLs.</summary>
    public static IEnumerable<JsonNode> UrlValues(JsonNode? root, SettingsFileKind kind)
    {
        if (root is not { Kind: JsonNodeKind.Object })
        {
            yield break;
        }

        if (kind == SettingsFileKind.AppSettings)
        {
            if (root.Get("urls") is { Kind: JsonNodeKind.String } urls)
            {
                yield return urls;
            }

            if (root.Get("Kestrel")?.Get("Endpoints") is { Kind: JsonNodeKind.Object } endpoints)
            {
                foreach (var endpoint in endpoints.Properties)
                {
                    if (endpoint.Value.Get("Url") is { Kind: JsonNodeKind.String } url)
                    {
                        yield return url;
                    }
                }
            }

            yield break;
        }

        if (root.Get("profiles") is not { Kind: JsonNodeKind.Object } profiles)
        {
            yield break;
        }

        foreach (var profile in profiles.Properties)
        {
            if (profile.Value.Get("applicationUrl") is { Kind: JsonNodeKind.String } applicationUrl)
            {
                yield return applicationUrl;
            }

            if (profile.Value.Get("environmentVariables") is { Kind: JsonNodeKind.Object } variables)
            {
                foreach (var name in UrlVariables)
                {
                    if (variables.Get(name) is { Kind: JsonNodeKind.String } value)
                    {
                        yield return value;
                    }
                }
            }
        }
    }
}
