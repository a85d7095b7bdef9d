using DualStack.Rules.Listening;

namespace DualStack.Rules.Tests.Listening;

/// <summary>Files that carry listen URLs, where inside them, and Dockerfile ENV instructions.</summary>
public sealed class ListenSettingsFilesTests
{
    [Theory]
    [InlineData("src/Api/appsettings.json", ListenSettingsFileKind.AppSettings)]
    [InlineData("appsettings.Production.json", ListenSettingsFileKind.AppSettings)]
    [InlineData("Properties/launchSettings.json", ListenSettingsFileKind.LaunchSettings)]
    [InlineData("Dockerfile", ListenSettingsFileKind.Dockerfile)]
    [InlineData("Dockerfile.debug", ListenSettingsFileKind.Dockerfile)]
    [InlineData("api.Dockerfile", ListenSettingsFileKind.Dockerfile)]
    [InlineData("settings.json", ListenSettingsFileKind.None)]
    [InlineData("appsettings.yaml", ListenSettingsFileKind.None)]
    [InlineData(null, ListenSettingsFileKind.None)]
    public void Files_are_classified_by_name(string? path, ListenSettingsFileKind kind)
    {
        Assert.Equal(kind, ListenSettingsFiles.Classify(path));
    }

    [Fact]
    public void Json_paths_name_the_url_properties()
    {
        Assert.Equal(["urls", "Kestrel/Endpoints/*/Url"], ListenSettingsFiles.UrlPaths(ListenSettingsFileKind.AppSettings).Select(p => string.Join("/", p)));
        Assert.Equal(
            ["profiles/*/applicationUrl", "profiles/*/environmentVariables/ASPNETCORE_URLS", "profiles/*/environmentVariables/DOTNET_URLS", "profiles/*/environmentVariables/URLS"],
            ListenSettingsFiles.UrlPaths(ListenSettingsFileKind.LaunchSettings).Select(p => string.Join("/", p)));
        Assert.Empty(ListenSettingsFiles.UrlPaths(ListenSettingsFileKind.Dockerfile));
    }

    [Fact]
    public void Dockerfile_env_instructions_in_both_forms_with_value_offsets()
    {
        const string text = "FROM x\nENV A=1 ASPNETCORE_URLS=\"http://0.0.0.0:80\"\r\nenv URLS http://0.0.0.0:81 ;x\r\nRUN ENV=1\n  ENV DOTNET_URLS='http://[::]:82'";
        var variables = DockerfileEnv.Variables(text).ToList();
        Assert.Equal(["A=1", "ASPNETCORE_URLS=http://0.0.0.0:80", "URLS=http://0.0.0.0:81 ;x", "DOTNET_URLS=http://[::]:82"], variables.Select(v => $"{v.Name}={v.Value}"));
        Assert.All(variables, v => Assert.Equal(v.Value, text.Substring(v.ValueStart, v.Value.Length)));
        Assert.Equal(["ASPNETCORE_URLS", "URLS", "DOTNET_URLS"], DockerfileEnv.UrlVariables(text).Select(v => v.Name));
    }

    [Fact]
    public void Unterminated_quotes_and_bare_env_lines_do_not_throw()
    {
        Assert.Equal(["URLS=http://0.0.0.0"], DockerfileEnv.Variables("ENV URLS=\"http://0.0.0.0\nENV\nENV \n").Select(v => $"{v.Name}={v.Value}"));
    }
}
