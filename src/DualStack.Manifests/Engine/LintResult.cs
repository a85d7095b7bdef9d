using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>
/// The outcome of one run: findings in deterministic order, and what was read. <see cref="Objects"/> counts what the
/// checks could look at (Kubernetes objects and cluster configuration documents); 0 means nothing was linted.
/// </summary>
public sealed record LintResult(
    IReadOnlyList<Finding> Findings,
    int Files,
    int Documents,
    IReadOnlyList<string> ClusterModelSources,
    int Objects = 0)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public int Infos => Findings.Count(f => f.Severity == Severity.Info);
}
