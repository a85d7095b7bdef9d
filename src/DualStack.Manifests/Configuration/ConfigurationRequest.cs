namespace DualStack.Manifests.Configuration;

/// <summary>A value given explicitly by a front end, with the name the user knows it by.</summary>
/// <param name="Value">The text as given.</param>
/// <param name="Source">The option or property that gave it: <c>--kubernetes-version</c>, <c>DualStackLintKubernetesVersion</c>.</param>
public sealed record SettingOverride(string Value, string Source);

/// <summary>What a front end knows before configuration is resolved: the inputs and the explicit overrides.</summary>
public sealed record ConfigurationRequest
{
    /// <summary>Paths of the inputs; the .editorconfig and .globalconfig files above each one are read.</summary>
    public IReadOnlyList<string> InputPaths { get; init; } = [];

    /// <summary>Configuration files named explicitly (MSBuild's global analyzer config files).</summary>
    public IReadOnlyList<string> ExtraConfigFiles { get; init; } = [];

    /// <summary>Target families given explicitly; they win over files and over cluster configuration among the inputs.</summary>
    public SettingOverride? IpFamilies { get; init; }

    /// <summary>Target Kubernetes version given explicitly; it wins over files.</summary>
    public SettingOverride? KubernetesVersion { get; init; }

    /// <summary>The per-file size limit given explicitly (<c>--max-file-size</c>); it wins over files.</summary>
    public SettingOverride? MaxFileSize { get; init; }

    /// <summary>Severity overrides <c>RULE=LEVEL</c>, each winning over files.</summary>
    public IReadOnlyList<SettingOverride> Severities { get; init; } = [];
}

/// <summary>The outcome of <see cref="ConfigurationResolver.Resolve"/>.</summary>
public sealed class ResolvedConfiguration
{
    internal ResolvedConfiguration(ILintConfiguration configuration, IReadOnlyList<ConfigurationProblem> problems, IReadOnlyList<string> configFiles)
    {
        Configuration = configuration;
        Problems = problems;
        ConfigFiles = configFiles;
    }

    /// <summary>Options and severities per input path; pass it to <c>ManifestLinter.Lint</c>.</summary>
    public ILintConfiguration Configuration { get; }

    /// <summary>True when the configuration excludes the file (<c>dualstack_lint.exclude = true</c>): front ends leave it out unread.</summary>
    public bool IsExcluded(string path) => ConfigFiles.Count > 0 && ExcludedByFiles(path);

    // Apart, so that a run without configuration files never loads EditorConfigConfiguration, nor Roslyn with it.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool ExcludedByFiles(string path) => Configuration is EditorConfigConfiguration editorConfig && editorConfig.IsExcluded(path);

    /// <summary>Every mistake found, errors and warnings, in a stable order.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>True when an explicit override or a configuration file was unusable: the front end stops (exit 2, a build error).</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>The configuration files that were read, sorted.</summary>
    public IReadOnlyList<string> ConfigFiles { get; }
}
