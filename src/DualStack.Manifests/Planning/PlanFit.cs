using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>The answer to <c>--nodes N --pods-per-node M</c>.</summary>
public sealed record FitResult(BigInteger Nodes, BigInteger PodsPerNode, bool Fits, IReadOnlyList<FamilyFit> Families);

/// <summary>What binds a family's plan first.</summary>
public enum FitLimit
{
    /// <summary>The number of node ranges (or Calico blocks) of the pod range.</summary>
    NodeRanges,

    /// <summary>The pod addresses of one node's range.</summary>
    NodeRangeAddresses,

    /// <summary>kubelet's maxPods.</summary>
    MaxPods,

    /// <summary>The pod range as a whole (the CNI's cut is not known).</summary>
    PodRange,
}

/// <summary>
/// One family's verdict: the capacities, which limit is closest to (or past) its end, and what to change, with numbers.
/// </summary>
public sealed record FamilyFit(IpFamily Family, bool Fits, BigInteger NodeCapacity, BigInteger PodsPerNodeCapacity, FitLimit Binding, IReadOnlyList<string> Changes);

/// <summary>Evaluates a node count and pod density against every family of a plan.</summary>
internal static class PlanFit
{
    public static FitResult Evaluate(AddressPlan plan, long? nodesAsked, long? podsAsked)
    {
        var families = new List<FamilyFit>();
        BigInteger nodes = nodesAsked ?? 1;
        BigInteger pods = podsAsked ?? plan.FamilyPlans.Select(f => f.Pods?.MaxPods).FirstOrDefault(m => m is not null) ?? PodSide.DefaultMaxPods;
        foreach (var family in plan.FamilyPlans.Where(f => f.Pods is not null))
        {
            families.Add(Evaluate(family.Family, family.Pods!, nodes, pods));
        }

        return new FitResult(nodes, pods, families.All(f => f.Fits), families);
    }

    private static FamilyFit Evaluate(IpFamily family, PodPlan plan, BigInteger nodes, BigInteger pods)
    {
        var allocation = plan.Allocation;
        var bits = family == IpFamily.IPv4 ? 32 : 128;
        var prefix = plan.Ranges[0].Cidr.FamilyPrefixLength;
        var changes = new List<string>();
        var maxPods = new BigInteger(plan.MaxPods);
        if (pods > maxPods)
        {
            changes.Add($"raise kubelet maxPods from {plan.MaxPods} to {PlanNumbers.Count(pods)} (--max-pods)");
        }

        switch (allocation.Method)
        {
            case PodAllocationMethod.NodeCidr:
            {
                var usable = allocation.UsablePerRange;
                var nodeCapacity = allocation.NodeRanges;
                var podCapacity = BigInteger.Min(usable, maxPods);
                var mask = allocation.Mask;
                if (pods > usable)
                {
                    // The longest mask whose node range still holds the pods (plus network address and gateway).
                    mask = bits - Log2Ceiling(pods + 2);
                    changes.Add($"a /{allocation.Mask} node range gives {PlanNumbers.Count(usable)} pod addresses; use node mask /{mask} ({Pow2(bits - mask)} addresses per node)");
                }

                if (nodes > (mask == allocation.Mask ? nodeCapacity : Ranges(prefix, mask)))
                {
                    var needed = mask - Log2Ceiling(nodes);
                    var longer = prefix + Log2Ceiling(nodes);
                    var fromMask = mask == allocation.Mask && longer <= bits - Log2Ceiling(pods + 2) && longer > allocation.Mask
                        ? $" or a longer node mask /{longer} ({PlanNumbers.Count((BigInteger.One << (bits - longer)) - 2)} pod addresses per node)"
                        : string.Empty;
                    changes.Add(needed < 0
                        ? $"{PlanNumbers.Count(nodes)} node ranges of /{mask} do not fit in the {family} address space"
                        : $"/{prefix} holds {PlanNumbers.Count(Ranges(prefix, mask))} node ranges of /{mask}; use a /{needed} pod range ({Pow2(mask - needed)} node ranges){fromMask}");
                    if (mask - needed > Cluster.Config.NodeMaskSetting.MaxMaskGap && (family == IpFamily.IPv6 || allocation.Tool.StartsWith("kubeadm", StringComparison.Ordinal)))
                    {
                        changes.Add($"node mask and pod prefix may be at most {Cluster.Config.NodeMaskSetting.MaxMaskGap} bits apart, so one pod range admits at most 65536 nodes");
                    }
                }

                var binding = Binding(
                    (FitLimit.NodeRanges, Ratio(nodes, nodeCapacity)),
                    (FitLimit.NodeRangeAddresses, Ratio(pods, usable)),
                    (FitLimit.MaxPods, Ratio(pods, maxPods)));
                return new FamilyFit(family, changes.Count == 0 && !nodeCapacity.IsZero, nodeCapacity, podCapacity, binding, changes);
            }

            case PodAllocationMethod.CalicoBlock when !allocation.AddressesPerRange.IsZero:
            {
                var blocksPerNode = PodSide.CeilDiv(pods, allocation.AddressesPerRange);
                var nodeCapacity = allocation.NodeRanges / blocksPerNode;
                if (nodes > nodeCapacity)
                {
                    var blocks = nodes * blocksPerNode;
                    var needed = allocation.Mask - Log2Ceiling(blocks);
                    changes.Add($"/{prefix} holds {PlanNumbers.Count(allocation.NodeRanges)} Calico blocks of /{allocation.Mask}, {PlanNumbers.Count(blocksPerNode)} per node for {PlanNumbers.Count(pods)} pods; use a /{needed} pod range ({Pow2(allocation.Mask - needed)} blocks)");
                }

                var binding = Binding((FitLimit.NodeRanges, Ratio(nodes, nodeCapacity)), (FitLimit.MaxPods, Ratio(pods, maxPods)));
                return new FamilyFit(family, changes.Count == 0, nodeCapacity, maxPods, binding, changes);
            }

            default:
            {
                var total = plan.TotalAddresses;
                var wanted = nodes * pods;
                if (wanted > total)
                {
                    changes.Add($"{PlanNumbers.Count(nodes)} nodes × {PlanNumbers.Count(pods)} pods need {PlanNumbers.Count(wanted)} addresses; the pod range has {PlanNumbers.Count(total)}: use a /{bits - Log2Ceiling(wanted)} pod range");
                }

                var nodeCapacity = pods.IsZero ? BigInteger.Zero : total / pods;
                var binding = Binding((FitLimit.PodRange, Ratio(wanted, total)), (FitLimit.MaxPods, Ratio(pods, maxPods)));
                return new FamilyFit(family, changes.Count == 0, nodeCapacity, maxPods, binding, changes);
            }
        }
    }

    private static BigInteger Ranges(int prefix, int mask) => mask >= prefix ? BigInteger.One << (mask - prefix) : BigInteger.Zero;

    private static string Pow2(int exponent) => PlanNumbers.Count(BigInteger.One << exponent);

    /// <summary>The smallest k with 2^k ≥ n (0 for n ≤ 1).</summary>
    internal static int Log2Ceiling(BigInteger n)
    {
        var k = 0;
        while ((BigInteger.One << k) < n)
        {
            k++;
        }

        return k;
    }

    // How much of a capacity a demand uses; an empty capacity counts as exhausted.
    private static double Ratio(BigInteger demand, BigInteger capacity) =>
        capacity.IsZero ? double.PositiveInfinity : Math.Exp(BigInteger.Log(demand) - BigInteger.Log(capacity));

    private static FitLimit Binding(params (FitLimit Limit, double Ratio)[] ratios) =>
        ratios.OrderByDescending(r => r.Ratio).First().Limit;
}
