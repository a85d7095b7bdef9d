using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// DS2004 and DS2006: what the API server's allocator rejects once validation has passed, decided by the target
/// cluster (spec §3): two families or cluster IPs on a SingleStack policy (given or defaulted), RequireDualStack on a
/// single-stack cluster, families the cluster does not serve, and cluster IPs outside the known service range.
/// </summary>
public sealed class DS2004DS2006ServiceAllocationCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } =
        [Rules.RuleIds.DualStackFieldsOnSingleStackPolicy, Rules.RuleIds.FamilyNotAvailableOnCluster];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (ServiceSpec.From(obj, context) is not { } service ||
            ServiceAllocation.Evaluate(service, context.Options.IpFamilies, context.Cluster) is not { } result)
        {
            return;
        }

        foreach (var problem in result.Problems)
        {
            problem.ReportOn(service, context);
        }
    }
}
