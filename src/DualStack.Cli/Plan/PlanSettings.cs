using DualStack.Manifests.Configuration;

namespace DualStack.Cli.Plan;

/// <summary>The options of <c>dslint plan</c>, parsed and validated.</summary>
internal sealed record PlanSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public string Format { get; init; } = PlanFormat.Text;

    public string? OutputFile { get; init; }

    public string? StdinFileName { get; init; }

    /// <summary><c>--exclude GLOB</c> values as given (relative to the current folder), as for <c>lint</c>.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary><c>--verbose</c>: notes on excluded files (stack traces are the command line's business).</summary>
    public bool Verbose { get; init; }

    /// <summary>From <c>--kubernetes-version</c>, as given; null when not given (editorconfig or the newest decides).</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>From <c>--nodes</c>: the node count to check the plan against.</summary>
    public long? Nodes { get; init; }

    /// <summary>From <c>--pods-per-node</c>: the pod density to check the plan against (default: maxPods).</summary>
    public long? PodsPerNode { get; init; }

    public bool NoColor { get; init; }

    /// <summary><c>--color</c>: auto (the default), always or never, resolved as for <c>lint</c>.</summary>
    public string Color { get; init; } = Output.TextStyle.Auto;

    /// <summary>The configuration request for these options and inputs; the engine validates the version.</summary>
    public ConfigurationRequest ToConfigurationRequest(IEnumerable<string> inputPaths) => new()
    {
        InputPaths = inputPaths.ToList(),
        KubernetesVersion = KubernetesVersion is null ? null : new SettingOverride(KubernetesVersion, "--kubernetes-version"),
    };
}
