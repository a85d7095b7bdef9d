using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>What a range is for; decides which overlaps and agreements are checked.</summary>
public enum RangeRole
{
    Pod,
    Service,
    CalicoPool,
    CiliumPool,
}

/// <summary>Which tool validates the list and therefore which limits and wording apply.</summary>
public enum RangeValidator
{
    /// <summary>Kubernetes components only (kube-apiserver, kube-controller-manager, kube-proxy).</summary>
    Components,

    /// <summary>kubeadm (directly or through kind): minimum sizes and the 20-host-bit service limit always apply.</summary>
    Kubeadm,

    /// <summary>Calico / the Tigera operator: a single strictly masked CIDR.</summary>
    Calico,

    /// <summary>Cilium's cluster-pool IPAM.</summary>
    Cilium,
}

/// <summary>One item of a CIDR list, with its own position.</summary>
public sealed class CidrItem
{
    public CidrItem(ConfigValue value, IpCidr? cidr, bool leadingSpace)
    {
        Value = value;
        Cidr = cidr;
        LeadingSpace = leadingSpace;
    }

    public ConfigValue Value { get; }

    /// <summary>The parsed CIDR, null when the item does not parse.</summary>
    public IpCidr? Cidr { get; }

    /// <summary>True when whitespace follows the comma and the tool does not trim it.</summary>
    public bool LeadingSpace { get; }
}

/// <summary>
/// A CIDR or a comma-separated dual-stack CIDR list of a configuration file (<c>networking.podSubnet</c>,
/// <c>extraCNIEnv.IPv4_CLUSTER_CIDR</c>, <c>spec.cidr</c>, …) with what the tool that reads it expects.
/// </summary>
public sealed class CidrListSetting
{
    public CidrListSetting(RangeRole role, RangeValidator validator, ConfigValue value, IReadOnlyList<CidrItem> items, DualStackListResult list)
    {
        Role = role;
        Validator = validator;
        Value = value;
        Items = items;
        List = list;
    }

    public RangeRole Role { get; }

    public RangeValidator Validator { get; }

    /// <summary>The whole value (the scalar, or the sequence for list-valued keys).</summary>
    public ConfigValue Value { get; }

    /// <summary>One item per entry of <see cref="List"/>, in order, empty entries included.</summary>
    public IReadOnlyList<CidrItem> Items { get; }

    /// <summary>The parsed list: the list-level problems (entry count, one per family) come from here.</summary>
    public DualStackListResult List { get; }

    /// <summary>The only family the key accepts (<c>IPv6_SERVICE_CIDR</c>, <c>clusterPoolIPv4PodCIDRList</c>), or null.</summary>
    public IpFamily? ExpectedFamily { get; init; }

    /// <summary>False for keys that take exactly one CIDR.</summary>
    public bool AllowsPair { get; init; } = true;

    /// <summary>False when the list only overrides what another key defines (component args next to extraCNIEnv).</summary>
    public bool InModel { get; init; } = true;

    /// <summary>False for pools that hand out other addresses than pod IPs (Calico LoadBalancer pools).</summary>
    public bool ForPods { get; init; } = true;

    /// <summary>The flag or key named in messages (<c>--service-cluster-ip-range</c>, <c>serviceSubnet</c>).</summary>
    public string FlagName { get; init; } = string.Empty;

    /// <summary>A Calico pool's <c>blockSize</c> as written (null when absent): the piece Calico IPAM hands a node.</summary>
    public ConfigValue? BlockSize { get; init; }

    /// <summary>The valid CIDRs, in order.</summary>
    public IEnumerable<IpCidr> Cidrs => Items.Where(i => i.Cidr is not null).Select(i => i.Cidr!.Value);

    /// <summary>The families of the valid items, in order.</summary>
    public IReadOnlyList<IpFamily> Families => Cidrs.Select(c => c.Family).ToList();

    /// <summary>
    /// The service families a service range fixes for the cluster: the first valid entry's family first, the second
    /// only for a pair of two families; null when nothing parses.
    /// </summary>
    public IpFamilies? ServiceFamilies
    {
        get
        {
            var families = Families;
            return families.Count == 0 ? null
                : families.Count == 2 && families[0] != families[1] ? IpFamilies.Of(families[0], families[1])
                : IpFamilies.Of(families[0]);
        }
    }

    /// <summary>The same list (items and problems shared) read with other options; null arguments keep this list's.</summary>
    public CidrListSetting With(
        string? flagName = null, IpFamily? expectedFamily = null, bool? allowsPair = null, bool? inModel = null, bool? forPods = null, ConfigValue? blockSize = null) =>
        new(Role, Validator, Value, Items, List)
        {
            FlagName = flagName ?? FlagName,
            ExpectedFamily = expectedFamily ?? ExpectedFamily,
            AllowsPair = allowsPair ?? AllowsPair,
            InModel = inModel ?? InModel,
            ForPods = forPods ?? ForPods,
            BlockSize = blockSize ?? BlockSize,
        };
}
