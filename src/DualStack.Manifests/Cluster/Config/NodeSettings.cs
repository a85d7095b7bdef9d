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
    public NodeIpSetting(ConfigValue value, IReadOnlyList<IpSetting> items)
    {
        Value = value;
        Items = items;
    }

    public ConfigValue Value { get; }

    public IReadOnlyList<IpSetting> Items { get; }
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
}
