using DualStack.Rules;

namespace DualStack.Cli.Plan;

/// <summary>The options of <c>dslint plan</c>, parsed and validated.</summary>
internal sealed record PlanSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public string Format { get; init; } = PlanFormat.Text;

    public string? OutputFile { get; init; }

    public string? StdinFileName { get; init; }

    /// <summary>From <c>--kubernetes-version</c>; null when not given (editorconfig or the newest decides).</summary>
    public KubernetesVersion? KubernetesVersion { get; init; }

    /// <summary>From <c>--nodes</c>: the node count to check the plan against.</summary>
    public long? Nodes { get; init; }

    /// <summary>From <c>--pods-per-node</c>: the pod density to check the plan against (default: maxPods).</summary>
    public long? PodsPerNode { get; init; }

    public bool NoColor { get; init; }

    public LintOptions ToBaseOptions() => new()
    {
        KubernetesVersion = KubernetesVersion ?? DualStack.Rules.KubernetesVersion.Newest,
    };
}
