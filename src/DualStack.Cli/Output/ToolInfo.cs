using System.Reflection;

namespace DualStack.Cli.Output;

/// <summary>The tool's name and version as printed in every output format.</summary>
internal static class ToolInfo
{
    public const string Name = "dslint";

    public const string InformationUri = "https://github.com/dualstack-lint/dualstack-lint";

    /// <summary>The package version (the informational version without the source revision suffix).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus >= 0 ? informational.Substring(0, plus) : informational;
    }
}
