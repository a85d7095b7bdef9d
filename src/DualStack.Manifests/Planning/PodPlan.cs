using System.Numerics;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>How a family's pod addresses are handed to nodes.</summary>
public enum PodAllocationMethod
{
    /// <summary>Each node gets one node CIDR of the node mask (kube-controller-manager node IPAM, kubeadm, kind, Cilium cluster-pool).</summary>
    NodeCidr,

    /// <summary>Calico IPAM: blocks of the block size, as many per node as its pods need (MicroK8s, Calico pools).</summary>
    CalicoBlock,

    /// <summary>Nothing in the configuration says how the CNI cuts the range.</summary>
    Unknown,
}

/// <summary>
/// The cut of a pod range into per-node pieces: <see cref="NodeRanges"/> pieces (= nodes the plan admits for
/// <see cref="PodAllocationMethod.NodeCidr"/>) of <see cref="AddressesPerRange"/> addresses each.
/// </summary>
public sealed record PodAllocation(
    PodAllocationMethod Method,
    string Tool,
    int Mask,
    PlanSource? MaskSource,
    BigInteger NodeRanges,
    BigInteger AddressesPerRange,
    string? Problem,
    string? Rule)
{
    /// <summary>
    /// Pod addresses one piece gives: for a node CIDR all addresses but the network address and the bridge gateway
    /// (cluster-config §0: pods/node ≈ 2^(bits − mask) − 2); a Calico block hands out every address.
    /// </summary>
    public BigInteger UsablePerRange => Method == PodAllocationMethod.CalicoBlock
        ? AddressesPerRange
        : BigInteger.Max(AddressesPerRange - 2, BigInteger.Zero);
}

/// <summary>A family's pod side: ranges, their cut per node, kubelet's maxPods and which of them binds.</summary>
public sealed record PodPlan(
    IReadOnlyList<PlanRange> Ranges,
    PodAllocation Allocation,
    int MaxPods,
    PlanSource? MaxPodsSource,
    BigInteger PodsPerNode,
    BigInteger Nodes,
    PodLimit BindingLimit)
{
    public BigInteger TotalAddresses => Ranges.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Size);
}

/// <summary>What limits the pods of one node.</summary>
public enum PodLimit
{
    /// <summary>kubelet's maxPods (default 110).</summary>
    MaxPods,

    /// <summary>The addresses of the node's CIDR.</summary>
    NodeRange,
}

/// <summary>What a taken service address is for.</summary>
public enum TakenPurpose
{
    /// <summary>The ClusterIP of <c>default/kubernetes</c>: network + 1 of the primary range.</summary>
    KubernetesService,

    /// <summary>The cluster DNS ClusterIP kubelet gives pods.</summary>
    ClusterDns,
}

/// <summary>An address of the service range that is spoken for; <see cref="Note"/> says where it comes from or what is wrong.</summary>
public sealed record TakenAddress(IpAddress Address, TakenPurpose Purpose, string Note, bool Inside, PlanSource? Source, string? Rule);

/// <summary>A family's service range, its size limit and the addresses already taken.</summary>
public sealed record ServicePlan(
    PlanRange Range,
    ServiceSizeLimit Limit,
    IReadOnlyList<TakenAddress> Taken,
    IReadOnlyList<PlanRange> ExtraRanges);

/// <summary>
/// The size limit on a service range: at most <see cref="MaxHostBits"/> host bits (prefix ≥ <see cref="MinPrefix"/>)
/// when <see cref="Enforced"/>, and at least <see cref="MinAddresses"/> addresses.
/// </summary>
public sealed record ServiceSizeLimit(int MaxHostBits, int MinPrefix, bool Enforced, string EnforcedBy, int MinAddresses, bool TooLarge, bool TooSmall)
{
    /// <summary>DS3002 reports a range that breaks the limit.</summary>
    public string Rule => Rules.RuleIds.RangeSize;
}

/// <summary>Node IPs, API server advertise addresses and extra certificate names the configuration names.</summary>
public sealed record NodeAddresses(IReadOnlyList<PlanAddress> NodeIps, IReadOnlyList<PlanAddress> AdvertiseAddresses, IReadOnlyList<PlanSan> Sans);

/// <summary>An extra API server certificate name: an IP (<see cref="Address"/>) or a DNS name.</summary>
public sealed record PlanSan(string Name, IpAddress? Address, PlanSource Source);
