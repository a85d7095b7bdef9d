using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks;

/// <summary>
/// A check across the objects of a run that needs only a little of each (a Service's selector, a workload's labels):
/// <see cref="Summarize"/> runs with each object while its file is checked and keeps a compact summary, since the
/// file's text and tree are dropped after that; <see cref="Check"/> runs once over all summaries of the run, in input
/// order. Its cost must stay linear in the number of summaries (index them; never pair every one with every other).
/// </summary>
public interface ISummaryCheck
{
    IReadOnlyList<string> RuleIds { get; }

    /// <summary>Keeps what <see cref="Check"/> will need of <paramref name="obj"/>, if anything, through <paramref name="keep"/>.</summary>
    void Summarize(KubeObject obj, CheckContext context, Action<object> keep);

    /// <summary>Checks the summaries this check kept for the whole run (each one it kept, in input order).</summary>
    void Check(IReadOnlyList<object> summaries, RunCheckContext context);
}
