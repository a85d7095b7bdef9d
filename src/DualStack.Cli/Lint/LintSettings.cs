using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Lint;

/// <summary>The options of <c>dslint lint</c> as given; values the engine knows about are validated by its configuration step.</summary>
internal sealed record LintSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public string Format { get; init; } = Output.OutputFormat.Text;

    /// <summary><c>--exclude GLOB</c> values as given (relative to the current folder).</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    public string? OutputFile { get; init; }

    public string? StdinFileName { get; init; }

    /// <summary>From <c>--ip-families</c>, as given; null when not given (editorconfig or the default decides).</summary>
    public string? IpFamilies { get; init; }

    /// <summary>From <c>--kubernetes-version</c>, as given; null when not given.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>From <c>--severity</c>: <c>RULE=LEVEL</c> values as given.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>From <c>--max-file-size</c>, as given; null when not given.</summary>
    public string? MaxFileSize { get; init; }

    public bool WarnAsError { get; init; }

    /// <summary><c>--fail-if-no-objects</c>: exit 1 when no Kubernetes object or cluster configuration was found.</summary>
    public bool FailIfNoObjects { get; init; }

    public bool Fix { get; init; }

    /// <summary><c>--baseline FILE</c>: report only findings the baseline does not accept.</summary>
    public string? Baseline { get; init; }

    /// <summary><c>--write-baseline FILE</c>: record every current finding in FILE.</summary>
    public string? WriteBaseline { get; init; }

    public bool NoColor { get; init; }

    /// <summary><c>--color auto|always|never</c>.</summary>
    public string Color { get; init; } = Output.TextStyle.Auto;

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    /// <summary><c>--chart DIR</c>: the chart or kustomization folder rendered input came from; null to detect a chart.</summary>
    public string? RenderedFrom { get; init; }

    /// <summary>The configuration request for these options and inputs; the engine validates every value.</summary>
    public ConfigurationRequest ToConfigurationRequest(IEnumerable<string> inputPaths) => new()
    {
        InputPaths = inputPaths.ToList(),
        IpFamilies = IpFamilies is null ? null : new SettingOverride(IpFamilies, "--ip-families"),
        KubernetesVersion = KubernetesVersion is null ? null : new SettingOverride(KubernetesVersion, "--kubernetes-version"),
        MaxFileSize = MaxFileSize is null ? null : new SettingOverride(MaxFileSize, "--max-file-size"),
        Severities = Severities.Select(s => new SettingOverride(s, "--severity")).ToList(),
    };
}
