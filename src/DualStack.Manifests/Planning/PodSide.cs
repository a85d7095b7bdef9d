using System.Numerics;
using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>
/// The pod side of a family: the model's pod ranges (or, without one, the CNI pools that hand out pod addresses),
/// the node mask that cuts them — the same <see cref="NodeMaskSetting"/> and verdict DS3003 uses — and kubelet's maxPods.
/// </summary>
internal static class PodSide
{
    /// <summary>kubelet's default <c>--max-pods</c>.</summary>
    public const int DefaultMaxPods = 110;

    /// <summary>Calico IPAM's default block sizes (<c>CALICO_IPV4POOL_BLOCK_SIZE</c> / <c>CALICO_IPV6POOL_BLOCK_SIZE</c>).</summary>
    public static int CalicoBlockSize(IpFamily family) => family == IpFamily.IPv4 ? 26 : 122;

    public static PodPlan? Plan(ClusterModel model, IpFamily family, (int Value, ConfigValue Source)? maxPodsSetting)
    {
        var pods = model.PodCidrs.Where(c => c.Cidr.Family == family).ToList();
        if (pods.Count == 0)
        {
            pods = model.PoolCidrs.Where(c => c.Cidr.Family == family && c.Setting.ForPods).ToList();
        }

        if (pods.Count == 0)
        {
            return null;
        }

        var maxPods = maxPodsSetting?.Value ?? DefaultMaxPods;
        var allocation = Allocation(model, pods[0]);
        var usable = allocation.UsablePerRange;
        BigInteger podsPerNode;
        BigInteger nodes;
        switch (allocation.Method)
        {
            case PodAllocationMethod.NodeCidr:
                podsPerNode = BigInteger.Min(maxPods, usable);
                nodes = allocation.NodeRanges;
                break;
            case PodAllocationMethod.CalicoBlock when !allocation.AddressesPerRange.IsZero:
                // A node takes as many blocks as its pods need, so maxPods pods cost ceil(maxPods / block) blocks.
                var total = pods.Aggregate(BigInteger.Zero, (sum, p) => sum + p.Cidr.Size);
                podsPerNode = BigInteger.Min(maxPods, total);
                var blocksPerNode = CeilDiv(podsPerNode, allocation.AddressesPerRange);
                nodes = blocksPerNode.IsZero ? BigInteger.Zero : allocation.NodeRanges / blocksPerNode;
                break;
            default:
                podsPerNode = maxPods;
                nodes = BigInteger.Zero;
                break;
        }

        var binding = allocation.Method == PodAllocationMethod.NodeCidr && usable < maxPods ? PodLimit.NodeRange : PodLimit.MaxPods;
        return new PodPlan(
            pods.Select(AddressPlanner.Range).ToList(),
            allocation,
            maxPods,
            maxPodsSetting is { } m ? PlanSource.From(m.Source) : null,
            podsPerNode,
            nodes,
            binding);
    }

    internal static BigInteger CeilDiv(BigInteger a, BigInteger b) => (a + b - 1) / b;

    private static PodAllocation Allocation(ClusterModel model, ModelCidr pod)
    {
        var cidr = pod.Cidr;
        var bits = cidr.Network.BitLength;
        var prefix = cidr.FamilyPrefixLength;
        var owner = model.ConfigDocuments.FirstOrDefault(d => d.Ranges.Contains(pod.Setting));

        // k3s and RKE2 always run the controller manager's node IPAM; without a mask argument it uses the defaults.
        var masks = model.ConfigDocuments.SelectMany(d => d.NodeMasks).FirstOrDefault(m => m.PodRanges.Contains(pod.Setting))
            ?? owner?.NodeMasks.FirstOrDefault(m => m.PodRanges.SelectMany(r => r.Cidrs).Any(c => c.Family == cidr.Family))
            ?? (owner?.Format == ConfigFormat.K3s ? new NodeMaskSetting(NodeMaskTool.ControllerManager, [pod.Setting]) : null);
        if (masks is not null)
        {
            var dual = masks.PodRanges.SelectMany(r => r.Cidrs).Select(c => c.Family).Distinct().Count() == 2;
            var (mask, source) = masks.EffectiveMask(cidr.Family, dual);
            var problem = NodeMaskSetting.Evaluate(masks.Tool, cidr, mask);
            var fits = mask <= bits && mask >= prefix;
            var failing = problem is NodeMaskProblem.MaskTooLong or NodeMaskProblem.RangeSmallerThanMask or NodeMaskProblem.GapTooLarge;
            return new PodAllocation(
                PodAllocationMethod.NodeCidr,
                ToolName(masks.Tool),
                mask,
                source is null ? null : PlanSource.From(source),
                fits && !failing ? BigInteger.One << (mask - prefix) : BigInteger.Zero,
                mask <= bits ? BigInteger.One << (bits - mask) : BigInteger.Zero,
                ProblemText(problem, masks.Tool, cidr, mask),
                problem == NodeMaskProblem.None ? null : Rules.RuleIds.PodRangeVsNodeMask);
        }

        // MicroK8s always runs Calico (generate-cni.sh: "CNI must be set to 'calico'"), which cuts the pool into blocks.
        var calico = owner?.Format == ConfigFormat.MicroK8sLaunchConfiguration
            || pod.Role == RangeRole.CalicoPool
            || model.ConfigDocuments.Any(d => d.Format is ConfigFormat.CalicoIPPool or ConfigFormat.CalicoInstallation);
        if (calico)
        {
            var (block, blockSource) = CalicoBlock(model, pod);
            var blocks = block >= prefix ? BigInteger.One << (block - prefix) : BigInteger.Zero;
            return new PodAllocation(
                PodAllocationMethod.CalicoBlock,
                owner?.Format == ConfigFormat.MicroK8sLaunchConfiguration ? "Calico IPAM (MicroK8s)" : "Calico IPAM",
                block,
                blockSource is null ? null : PlanSource.From(blockSource),
                blocks,
                BigInteger.One << (bits - block),
                blocks.IsZero ? $"the range is smaller than one /{block} Calico block" : null,
                blocks.IsZero ? Rules.RuleIds.InvalidCalicoPool : null);
        }

        return new PodAllocation(PodAllocationMethod.Unknown, "the CNI", prefix, null, BigInteger.Zero, BigInteger.Zero, null, null);
    }

    // The pool's own blockSize, else that of a Calico pool of the family covering the range (a pool over MicroK8s'
    // cluster CIDR); a value DS3010 rejects leaves Calico's default, and lint reports the value.
    private static (int Block, ConfigValue? Source) CalicoBlock(ClusterModel model, ModelCidr pod)
    {
        var family = pod.Cidr.Family;
        var written = pod.Setting.BlockSize
            ?? model.PoolCidrs.FirstOrDefault(p => p.Cidr.Family == family && p.Setting.BlockSize is not null && p.Cidr.Contains(pod.Cidr))?.Setting.BlockSize;
        return written is not null && ConfigReading.TryInt(written.Text, out var block) && Checks.ClusterConfig.DS3010CalicoPoolCheck.BlockInRange(family, block)
            ? (block, written)
            : (CalicoBlockSize(family), null);
    }

    private static string ToolName(NodeMaskTool tool) => tool switch
    {
        NodeMaskTool.Kubeadm => "kubeadm",
        NodeMaskTool.Cilium => "Cilium cluster-pool",
        _ => "kube-controller-manager",
    };

    private static string? ProblemText(NodeMaskProblem problem, NodeMaskTool tool, IpCidr cidr, int mask) => problem switch
    {
        NodeMaskProblem.MaskTooLong => $"node mask /{mask} is longer than {cidr.Network.BitLength} bits",
        NodeMaskProblem.RangeSmallerThanMask => $"{cidr} is smaller than one /{mask} node range",
        NodeMaskProblem.GapTooLarge => $"/{cidr.FamilyPrefixLength} and node mask /{mask} are more than {NodeMaskSetting.MaxMaskGap} bits apart; {(tool == NodeMaskTool.Kubeadm ? "kubeadm" : tool == NodeMaskTool.Cilium ? "Cilium" : "kube-controller-manager")} refuses it",
        NodeMaskProblem.SingleNode => $"{cidr} is exactly one /{mask} node range: one node only",
        _ => null,
    };
}
