using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks;

/// <summary>
/// A check over Kubernetes objects. One class per rule family (kube-linter's registry model); every front end runs
/// the same checks through <see cref="CheckRegistry"/>.
/// </summary>
public interface IObjectCheck
{
    /// <summary>The rule IDs this check may report (for documentation and the every-rule-has-a-test guard).</summary>
    IReadOnlyList<string> RuleIds { get; }

    /// <summary>Checks one object; reports through <paramref name="context"/>.</summary>
    void Check(KubeObject obj, CheckContext context);
}
