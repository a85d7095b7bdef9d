using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks;

/// <summary>
/// A check of the run's cluster model as a whole (ranges that overlap across files, families that disagree). Runs
/// after the per-object checks. <c>objects</c> are the objects of the run's cluster configuration files only: the
/// trees of other files are not kept; a check across ordinary objects is an <see cref="ISummaryCheck"/>.
/// </summary>
public interface IRunCheck
{
    IReadOnlyList<string> RuleIds { get; }

    void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context);
}
