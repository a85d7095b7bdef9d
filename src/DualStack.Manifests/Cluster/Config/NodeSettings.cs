using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>An IP value with its source (node IPs, the DNS IP, the advertise address).</summary>
public sealed class IpSetting
{
    public IpSetting(ConfigValue value, IpAddress? ip)
    {
        Value = value;
        Ip = ip;
    }

    public ConfigValue Value { get; }

    public IpAddress? Ip { get; }
}

/// <summary>A kubelet <c>--node-ip</c> value: one IP or a dual-stack pair, of one node.</summary>
public sealed class NodeIpSetting
{
    public NodeIpSetting(ConfigValue value, IReadOnlyList<IpSetting> items, DualStackListResult list)
    {
        Value = value;
        Items = items;
        List = list;
    }

    public ConfigValue Value { get; }

    /// <summary>One item per entry of <see cref="List"/>, in order.</summary>
    public IReadOnlyList<IpSetting> Items { get; }

    /// <summary>The list as kubelet reads it: the pair rules' problems come from here.</summary>
    public DualStackListResult List { get; }
}

/// <summary>How node CIDRs are cut out of the pod range, and by whom (the wording and limits differ).</summary>
public enum NodeMaskTool
{
    /// <summary>kubeadm's ValidatePodSubnetNodeMask: both families, difference at most 16.</summary>
    Kubeadm,

    /// <summary>kube-controller-manager's node IPAM: difference at most 16 for IPv6 only.</summary>
    ControllerManager,

    /// <summary>Cilium's cluster-pool IPAM (same cidrset limits as the controller manager).</summary>
    Cilium,
}

/// <summary>What is wrong with cutting node CIDRs of a mask out of a pod range (DS3003), in the order the tools check.</summary>
public enum NodeMaskProblem
{
    None,

    /// <summary>The mask is longer than the family's address (error "SubNetMask is invalid").</summary>
    MaskTooLong,

    /// <summary>The pod range is smaller than one node CIDR.</summary>
    RangeSmallerThanMask,

    /// <summary>Mask and prefix more than 16 bits apart (kubeadm: both families; the controller manager and Cilium: IPv6).</summary>
    GapTooLarge,

    /// <summary>The range is exactly one node CIDR: one node only (a warning).</summary>
    SingleNode,
}

/// <summary>The node mask sizes that apply to a pod range, with where each was set (or defaulted).</summary>
public sealed class NodeMaskSetting
{
    public NodeMaskSetting(NodeMaskTool tool, IReadOnlyList<CidrListSetting> podRanges)
    {
        Tool = tool;
        PodRanges = podRanges;
    }

    public NodeMaskTool Tool { get; }

    /// <summary>The pod ranges the masks cut (one dual-stack list, or one list per family).</summary>
    public IReadOnlyList<CidrListSetting> PodRanges { get; }

    public (int Mask, ConfigValue Value)? IPv4 { get; set; }

    public (int Mask, ConfigValue Value)? IPv6 { get; set; }

    /// <summary>The single-stack <c>--node-cidr-mask-size</c> flag, when given.</summary>
    public ConfigValue? SingleMask { get; set; }

    /// <summary>Mask values that are not integers, with the flag or key they belong to.</summary>
    public List<(ConfigValue Value, string Flag)> Unparsable { get; } = [];

    /// <summary>Sets a family's mask from its flag value, or notes the value as not an integer.</summary>
    public void Set(IpFamily family, ConfigValue value, string flag)
    {
        if (!ConfigReading.TryInt(value.Text, out var mask))
        {
            Unparsable.Add((value, flag));
        }
        else if (family == IpFamily.IPv4)
        {
            IPv4 = (mask, value);
        }
        else
        {
            IPv6 = (mask, value);
        }
    }

    /// <summary>The largest difference between node mask and pod prefix the node IPAM accepts.</summary>
    public const int MaxMaskGap = 16;

    /// <summary>DS3003's verdict on node CIDRs of <paramref name="mask"/> cut out of <paramref name="cidr"/> by <paramref name="tool"/>.</summary>
    public static NodeMaskProblem Evaluate(NodeMaskTool tool, IpCidr cidr, int mask)
    {
        var prefix = cidr.FamilyPrefixLength;
        if (mask > cidr.Network.BitLength)
        {
            return NodeMaskProblem.MaskTooLong;
        }

        if (prefix > mask)
        {
            return NodeMaskProblem.RangeSmallerThanMask;
        }

        if (mask - prefix > MaxMaskGap && (tool == NodeMaskTool.Kubeadm || cidr.Family == IpFamily.IPv6))
        {
            return NodeMaskProblem.GapTooLarge;
        }

        return prefix == mask ? NodeMaskProblem.SingleNode : NodeMaskProblem.None;
    }

    /// <summary>
    /// The mask the tool uses for a family: the per-family value, else the single-stack <c>--node-cidr-mask-size</c>
    /// (only when <paramref name="dualStack"/> is false), else the default (24 / 64; Cilium 24 / 120, Source null).
    /// </summary>
    public (int Mask, ConfigValue? Source) EffectiveMask(IpFamily family, bool dualStack)
    {
        if ((family == IpFamily.IPv4 ? IPv4 : IPv6) is { } explicitMask)
        {
            return (explicitMask.Mask, explicitMask.Value);
        }

        if (!dualStack && SingleMask is { } single && ConfigReading.TryInt(single.Text, out var singleMask))
        {
            return (singleMask, single);
        }

        return (family == IpFamily.IPv4 ? 24 : (Tool == NodeMaskTool.Cilium ? 120 : 64), null);
    }
}
