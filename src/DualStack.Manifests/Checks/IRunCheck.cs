using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks;

/// <summary>
/// A check that needs every object of the run at once (e.g. a Service and the workloads its selector matches).
/// Runs after the per-object checks.
/// </summary>
public interface IRunCheck
{
    IReadOnlyList<string> RuleIds { get; }

    void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context);
}
