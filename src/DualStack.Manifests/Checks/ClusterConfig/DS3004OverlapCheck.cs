using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3004 over the run's cluster model: pod vs service ranges, CNI pools vs service ranges, Calico pools among
/// themselves, and any of them vs Docker's default bridge 172.17.0.0/16. Crosses files (a k3s service range inside a
/// Cilium pool, a kind pod subnet against a Calico pool). Reported at the explicit value, the service range first.
/// </summary>
public sealed class DS3004OverlapCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.OverlappingRanges];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        var model = context.Cluster;
        foreach (var service in model.ServiceCidrs)
        {
            foreach (var other in model.PodCidrs.Concat(model.PoolCidrs))
            {
                if (service.Cidr.Overlaps(other.Cidr))
                {
                    var what = other.Role == RangeRole.Pod ? "pod range" : "pool";
                    Report(context, service, other, $"service range \"{service.Cidr}\" overlaps {what} \"{other.Cidr}\"", $"{what} \"{other.Cidr}\" overlaps service range \"{service.Cidr}\"");
                }
            }
        }

        var calico = model.PoolCidrs.Where(p => p.Role == RangeRole.CalicoPool).ToList();
        for (var i = 0; i < calico.Count; i++)
        {
            for (var j = i + 1; j < calico.Count; j++)
            {
                if (calico[i].Cidr.Overlaps(calico[j].Cidr))
                {
                    context.Report(Rules.RuleIds.OverlappingRanges, calico[j].Source,
                        $"IP pool CIDR \"{calico[j].Cidr}\" overlaps IP pool CIDR \"{calico[i].Cidr}\" ({calico[i].Source.Describe()}); Calico refuses to create overlapping pools");
                }
            }
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

    private static void Report(RunCheckContext context, ModelCidr service, ModelCidr other, string atService, string atOther)
    {
        if (!service.Source.IsDefault)
        {
            context.Report(Rules.RuleIds.OverlappingRanges, service.Source, $"{atService} ({other.Source.Describe()}); addresses in both are routed to Services, not pods");
        }
        else if (!other.Source.IsDefault)
        {
            context.Report(Rules.RuleIds.OverlappingRanges, other.Source, $"{atOther} ({service.Source.Describe()}); addresses in both are routed to Services, not pods");
        }
    }
}
