using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3004 over the run's cluster model: pod vs service ranges, CNI pools vs service ranges, Calico pools among
/// themselves, and any of them vs Docker's default bridge 172.17.0.0/16. Crosses files (a k3s service range inside a
/// Cilium pool, a kind pod subnet against a Calico pool). Reported at the explicit value, the service range first.
/// A range that overlaps several gets one finding naming the first few and the count: a finding per pair grows with
/// the square of the input (300 identical pools gave 44,850).
/// </summary>
public sealed class DS3004OverlapCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.OverlappingRanges];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        var model = context.Cluster;
        var others = model.PodCidrs.Concat(model.PoolCidrs).ToList();
        foreach (var service in model.ServiceCidrs)
        {
            var overlapping = others.Where(o => service.Cidr.Overlaps(o.Cidr)).ToList();
            if (overlapping.Count == 0)
            {
                continue;
            }

            if (!service.Source.IsDefault)
            {
                var list = overlapping.Count == 1
                    ? $"{What(overlapping[0])} \"{overlapping[0].Cidr}\" ({overlapping[0].Source.Describe()})"
                    : $"{overlapping.Count} ranges: {PartnerList.Describe(overlapping, overlapping.Count, o => $"{What(o)} \"{o.Cidr}\" ({o.Source.Describe()})")}";
                context.Report(Rules.RuleIds.OverlappingRanges, service.Source, $"service range \"{service.Cidr}\" overlaps {list}; addresses in both are routed to Services, not pods");
                continue;
            }

            // A default service range has no value to point at: each explicit range it overlaps gets the finding.
            foreach (var other in overlapping.Where(o => !o.Source.IsDefault))
            {
                context.Report(Rules.RuleIds.OverlappingRanges, other.Source,
                    $"{What(other)} \"{other.Cidr}\" overlaps service range \"{service.Cidr}\" ({service.Source.Describe()}); addresses in both are routed to Services, not pods");
            }
        }

        var calico = model.PoolCidrs.Where(p => p.Role == RangeRole.CalicoPool).ToList();
        foreach (var (pool, earlier) in DS3004Partners.EarlierOverlapping(calico))
        {
            var list = earlier.Count == 1
                ? $"IP pool CIDR \"{earlier.First[0].Cidr}\" ({earlier.First[0].Source.Describe()})"
                : $"{earlier.Count} earlier IP pools: {PartnerList.Describe(earlier.First, earlier.Count, p => $"\"{p.Cidr}\" ({p.Source.Describe()})")}";
            context.Report(Rules.RuleIds.OverlappingRanges, pool.Source, $"IP pool CIDR \"{pool.Cidr}\" overlaps {list}; Calico refuses to create overlapping pools");
        }

        foreach (var range in model.ServiceCidrs.Concat(model.PodCidrs).Concat(model.PoolCidrs))
        {
            if (!range.Source.IsDefault && range.Cidr.Overlaps(SpecialRanges.DockerBridge))
            {
                context.Report(Rules.RuleIds.OverlappingRanges, range.Source,
                    $"\"{range.Source.Text}\" overlaps Docker's default bridge network 172.17.0.0/16; on nodes running Docker those addresses are routed to docker0");
            }
        }
    }

    private static string What(ModelCidr range) => range.Role == RangeRole.Pod ? "pod range" : "pool";
}
