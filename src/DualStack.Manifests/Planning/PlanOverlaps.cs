using DualStack.Manifests.Cluster;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>
/// Every pair of plan ranges that share addresses — pod, service, pool and node addresses among themselves and
/// against well-known ranges — with the rule that reports it in <c>lint</c>: DS3004 for service vs pod/pool, Calico
/// pools among themselves and Docker's bridge (DS3004OverlapCheck), DS3011 for link-local, documentation, site-local and
/// undefined-ULA ranges (DS3001DS3002DS3011CidrListCheck), DS3006 for link-local node IPs (DS3006NodeIpCheck). <c>lint</c> is silent about a
/// value that is only a tool's default, and so is <see cref="PlanOverlap.ReportedByLint"/>.
/// </summary>
internal static class PlanOverlaps
{
    // The kinds DS3001DS3002DS3011CidrListCheck reports as DS3011, in SpecialRanges.All order (it reports only the first it finds).
    private static readonly SpecialRangeKind[] Ds3011Kinds =
        [SpecialRangeKind.LinkLocalUnicast, SpecialRangeKind.Documentation, SpecialRangeKind.SiteLocal, SpecialRangeKind.UniqueLocalUndefined];

    // Well-known ranges the plan marks; private and unique local ranges are where cluster ranges belong.
    private static readonly SpecialRangeKind[] MarkedKinds =
    [
        SpecialRangeKind.Unspecified, SpecialRangeKind.Loopback, SpecialRangeKind.LinkLocalUnicast, SpecialRangeKind.LinkLocalMulticast,
        SpecialRangeKind.Multicast, SpecialRangeKind.Documentation, SpecialRangeKind.UniqueLocalUndefined, SpecialRangeKind.SiteLocal,
        SpecialRangeKind.DockerBridge,
    ];

    public static IReadOnlyList<PlanOverlap> Find(ClusterModel model, IReadOnlyList<FamilyPlan> plans, NodeAddresses nodes)
    {
        var overlaps = new List<PlanOverlap>();
        var services = model.ServiceCidrs.Select(AddressPlanner.Range).ToList();
        var pods = model.PodCidrs.Select(AddressPlanner.Range).ToList();
        var pools = model.PoolCidrs.Select(AddressPlanner.Range).ToList();
        var extra = plans.SelectMany(p => p.Service?.ExtraRanges ?? []).ToList();

        foreach (var service in services)
        {
            foreach (var other in pods.Concat(pools))
            {
                Add(overlaps, service, other, Rules.RuleIds.OverlappingRanges, !Default(service) || !Default(other), false,
                    "addresses in both are routed to Services, not pods");
            }
        }

        foreach (var pod in pods)
        {
            foreach (var pool in pools)
            {
                var inside = pod.Cidr.Contains(pool.Cidr);
                Add(overlaps, pod, pool, null, false, inside, inside ? "the CNI pool hands out addresses of the pod range" : "the pool reaches beyond the pod range");
            }
        }

        for (var i = 0; i < pools.Count; i++)
        {
            for (var j = i + 1; j < pools.Count; j++)
            {
                var calico = pools[i].Role == PlanRangeRole.CalicoPool && pools[j].Role == PlanRangeRole.CalicoPool;
                Add(overlaps, pools[j], pools[i], calico ? Rules.RuleIds.OverlappingRanges : null, calico, false, "two pools hand out the same addresses");
            }
        }

        foreach (var range in extra)
        {
            foreach (var other in services.Concat(pods).Concat(pools))
            {
                var sameAsService = other.Role == PlanRangeRole.Service;
                Add(overlaps, range, other, null, false, false,
                    sameAsService ? "the ServiceCIDR repeats addresses of the configured service range" : "Service addresses inside a pod range");
            }
        }

        var nodeAddresses = nodes.NodeIps.Select(n => Host(n, PlanRangeRole.NodeAddress, "node IP"))
            .Concat(nodes.AdvertiseAddresses.Select(n => Host(n, PlanRangeRole.NodeAddress, "advertise address")))
            .ToList();
        foreach (var node in nodeAddresses)
        {
            foreach (var range in services.Concat(pods).Concat(pools).Concat(extra))
            {
                Add(overlaps, node, range, null, false, false, $"the {node.Name} lies inside a cluster range; traffic to it is taken for cluster traffic");
            }
        }

        foreach (var range in services.Concat(pods).Concat(pools))
        {
            WellKnown(overlaps, range, isNode: false);
        }

        foreach (var node in nodeAddresses)
        {
            WellKnown(overlaps, node, isNode: true);
        }

        return overlaps;
    }

    private static void WellKnown(List<PlanOverlap> overlaps, PlanRange range, bool isNode)
    {
        var matches = SpecialRanges.Classify(range.Cidr);
        var firstDs3011 = matches.Select(m => m.Range).FirstOrDefault(r => Ds3011Kinds.Contains(r.Kind));
        foreach (var match in matches.Where(m => MarkedKinds.Contains(m.Range.Kind)))
        {
            var special = new PlanRange(match.Range.Cidr, PlanRangeRole.WellKnown, null, match.Range.Name);
            string? rule;
            bool reported;
            if (isNode)
            {
                rule = match.Range.Kind == SpecialRangeKind.LinkLocalUnicast ? Rules.RuleIds.InvalidNodeIp : null;
                reported = rule is not null && range.Role == PlanRangeRole.NodeAddress && range.Name == "node IP";
            }
            else if (match.Range.Kind == SpecialRangeKind.DockerBridge)
            {
                rule = Rules.RuleIds.OverlappingRanges;
                reported = !Default(range);
            }
            else
            {
                rule = Ds3011Kinds.Contains(match.Range.Kind) ? Rules.RuleIds.SpecialPurposeRange : null;
                reported = rule is not null && ReferenceEquals(match.Range, firstDs3011) && !Default(range);
            }

            Add(overlaps, range, special, rule, reported, false, Meaning(match.Range.Kind));
        }
    }

    private static string Meaning(SpecialRangeKind kind) => kind switch
    {
        SpecialRangeKind.DockerBridge => "on nodes running Docker these addresses are routed to docker0",
        SpecialRangeKind.LinkLocalUnicast => "link-local addresses are not routed beyond one link",
        SpecialRangeKind.Documentation => "documentation addresses are not real networks",
        SpecialRangeKind.Loopback => "loopback addresses never leave the host",
        SpecialRangeKind.SiteLocal => "site-local addresses are deprecated (RFC 3879)",
        SpecialRangeKind.UniqueLocalUndefined => "fc00::/8 has no allocation scheme; use fd00::/8",
        SpecialRangeKind.Unspecified => "the unspecified address means any, not one host",
        _ => "multicast addresses are not unicast host addresses",
    };

    private static PlanRange Host(PlanAddress address, PlanRangeRole role, string name) =>
        new(IpCidr.Create(address.Address, address.Address.BitLength), role, address.Source, name);

    private static bool Default(PlanRange range) => range.Source?.IsDefault ?? false;

    private static void Add(List<PlanOverlap> overlaps, PlanRange first, PlanRange second, string? rule, bool reported, bool expected, string meaning)
    {
        if (first.Family != second.Family || !first.Cidr.Overlaps(second.Cidr))
        {
            return;
        }

        var relation = first.Cidr == second.Cidr ? OverlapRelation.Equal
            : first.Cidr.Contains(second.Cidr) ? OverlapRelation.Contains
            : OverlapRelation.Within;
        overlaps.Add(new PlanOverlap(first, second, relation, rule, rule is not null && reported, expected, meaning));
    }
}
