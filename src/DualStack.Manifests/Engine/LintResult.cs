using DualStack.Rules;

namespace DualStack.Manifests.Engine;

/// <summary>The outcome of one run: findings in deterministic order, and what was read.</summary>
public sealed record LintResult(
    IReadOnlyList<Finding> Findings,
    int Files,
    int Documents,
    IReadOnlyList<string> ClusterModelSources)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public int Infos => Findings.Count(f => f.Severity == Severity.Info);
}
