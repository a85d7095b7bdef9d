namespace DualStack.Manifests.Planning;

/// <summary>How two ranges of a plan meet.</summary>
public enum OverlapRelation
{
    /// <summary>The same range.</summary>
    Equal,

    /// <summary><see cref="PlanOverlap.First"/> contains <see cref="PlanOverlap.Second"/>.</summary>
    Contains,

    /// <summary><see cref="PlanOverlap.First"/> lies inside <see cref="PlanOverlap.Second"/>.</summary>
    Within,
}

/// <summary>
/// Two ranges (or an address and a range) of the plan that share addresses, with the DS3xxx rule that reports it in
/// <c>lint</c> (null when no rule does) and whether <c>lint</c> reports this instance (it stays silent when both
/// values are the tools' defaults). <see cref="Expected"/> marks containments that are how it should be (a CNI pool
/// inside the pod range).
/// </summary>
public sealed record PlanOverlap(PlanRange First, PlanRange Second, OverlapRelation Relation, string? Rule, bool ReportedByLint, bool Expected, string Meaning);
