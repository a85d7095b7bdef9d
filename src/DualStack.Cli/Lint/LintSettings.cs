using DualStack.Rules;

namespace DualStack.Cli.Lint;

/// <summary>The options of <c>dslint lint</c>, parsed and validated.</summary>
internal sealed record LintSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public string Format { get; init; } = Output.OutputFormat.Text;

    public string? OutputFile { get; init; }

    public string? StdinFileName { get; init; }

    /// <summary>From <c>--ip-families</c>; null when not given (editorconfig or the default decides).</summary>
    public IpFamilies? IpFamilies { get; init; }

    /// <summary>From <c>--kubernetes-version</c>; null when not given.</summary>
    public KubernetesVersion? KubernetesVersion { get; init; }

    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    public bool WarnAsError { get; init; }

    /// <summary><c>--fail-if-no-objects</c>: exit 1 when no Kubernetes object or cluster configuration was found.</summary>
    public bool FailIfNoObjects { get; init; }

    public bool Fix { get; init; }

    public bool NoColor { get; init; }

    /// <summary><c>--color auto|always|never</c>.</summary>
    public string Color { get; init; } = Output.TextStyle.Auto;

    public bool Quiet { get; init; }

    public bool Verbose { get; init; }

    public LintOptions ToBaseOptions() => new()
    {
        IpFamilies = IpFamilies ?? DualStack.Rules.IpFamilies.Default,
        IpFamiliesFromCommandLine = IpFamilies is not null,
        KubernetesVersion = KubernetesVersion ?? DualStack.Rules.KubernetesVersion.Newest,
        SeverityOverrides = SeverityOverrides,
    };
}
