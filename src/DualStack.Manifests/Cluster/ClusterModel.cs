using DualStack.Manifests.Cluster.Config;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Cluster;

/// <summary>
/// What the inputs of one run say about the target cluster: families, pod and service ranges, node IPs, DNS IP,
/// and which files said it. Built from every cluster configuration file of the run before any object check, so
/// Kubernetes-object rules use the cluster's real families and service range rather than the configured default.
/// </summary>
public sealed class ClusterModel
{
    private readonly List<ModelCidr> _serviceCidrs = [];
    private readonly List<ModelCidr> _podCidrs = [];
    private readonly List<ModelCidr> _poolCidrs = [];
    private readonly List<ModelIp> _nodeIps = [];
    private readonly List<ConfigDocument> _configDocuments = [];
    private readonly List<string> _sources = [];
    private readonly bool _tracking;
    private IpFamilies _families;
    private bool _familiesFromConfiguration;
    private ModelIp? _dnsIp;

    public ClusterModel(IpFamilies families)
        : this(families, tracking: false)
    {
    }

    private ClusterModel(IpFamilies families, bool tracking)
    {
        _families = families;
        _tracking = tracking;
    }

    /// <summary>The target families: from cluster config files when they say, else from the options.</summary>
    public IpFamilies Families => Read(ModelParts.Families, _families);

    /// <summary>True when a cluster configuration file of the run defined the families.</summary>
    public bool FamiliesFromConfiguration => Read(ModelParts.Families, _familiesFromConfiguration);

    /// <summary>The families when a configuration file defined them, else null; reading it is not recorded in <see cref="PartsRead"/>.</summary>
    internal IpFamilies? FamiliesDefinedByConfiguration => _familiesFromConfiguration ? _families : null;

    /// <summary>
    /// The parts of a <see cref="Provisional"/> model that checks read: a file checked against it keeps its findings
    /// only when the run's model agrees on them (<see cref="AgreesWith"/>).
    /// </summary>
    internal ModelParts PartsRead { get; private set; }

    /// <summary>Records the families a cluster configuration file defines.</summary>
    public void SetFamiliesFromConfiguration(IpFamilies families, string source)
    {
        _families = families;
        _familiesFromConfiguration = true;
        if (!_sources.Contains(source))
        {
            _sources.Add(source);
        }
    }

    /// <summary>The service ranges of the cluster, primary first (from the first file that defines them, or its defaults).</summary>
    public List<ModelCidr> ServiceCidrs => Read(ModelParts.ServiceCidrs, _serviceCidrs);

    /// <summary>The pod (cluster) ranges, primary first (from the first file that defines them, or its defaults).</summary>
    public List<ModelCidr> PodCidrs => Read(ModelParts.PodCidrs, _podCidrs);

    /// <summary>CNI pools of every file: Calico IPPools and Installation pools, Cilium cluster-pool lists.</summary>
    public List<ModelCidr> PoolCidrs => Read(ModelParts.PoolCidrs, _poolCidrs);

    /// <summary>Node IPs of every node configuration of the run (kubelet <c>--node-ip</c> values).</summary>
    public List<ModelIp> NodeIps => Read(ModelParts.NodeIps, _nodeIps);

    /// <summary>The cluster DNS IP (kubelet <c>--cluster-dns</c>, k3s <c>cluster-dns</c>), when a file sets it.</summary>
    public ModelIp? DnsIp
    {
        get => Read(ModelParts.DnsIp, _dnsIp);
        set => _dnsIp = value;
    }

    /// <summary>Every recognised cluster configuration document of the run, in input order.</summary>
    public List<ConfigDocument> ConfigDocuments => Read(ModelParts.ConfigDocuments, _configDocuments);

    /// <summary>Records a file that contributed to the model.</summary>
    public void AddSource(string source)
    {
        if (!_sources.Contains(source))
        {
            _sources.Add(source);
        }
    }

    /// <summary>The files that contributed to the model, in input order, with what each defined.</summary>
    public List<string> Sources => Read(ModelParts.ConfigDocuments, _sources);

    public static ClusterModel FromOptions(LintOptions options) => new(options.IpFamilies);

    /// <summary>
    /// The model of a run before its configuration files are read, for checking a file early (its tree then need not
    /// be kept): what the checks read of it is recorded, to be compared with the run's model.
    /// </summary>
    internal static ClusterModel Provisional(LintOptions options) => new(options.IpFamilies, tracking: true);

    /// <summary>True when <paramref name="run"/> says the same as this model in every part that was read of this one.</summary>
    internal bool AgreesWith(ClusterModel run)
    {
        var read = PartsRead;
        return (!read.HasFlag(ModelParts.Families) || (_families.Equals(run._families) && _familiesFromConfiguration == run._familiesFromConfiguration))
            && (!read.HasFlag(ModelParts.ServiceCidrs) || _serviceCidrs.SequenceEqual(run._serviceCidrs))
            && (!read.HasFlag(ModelParts.PodCidrs) || _podCidrs.SequenceEqual(run._podCidrs))
            && (!read.HasFlag(ModelParts.PoolCidrs) || _poolCidrs.SequenceEqual(run._poolCidrs))
            && (!read.HasFlag(ModelParts.NodeIps) || _nodeIps.SequenceEqual(run._nodeIps))
            && (!read.HasFlag(ModelParts.DnsIp) || Equals(_dnsIp, run._dnsIp))
            && (!read.HasFlag(ModelParts.ConfigDocuments) || (_configDocuments.Count == 0 && run._configDocuments.Count == 0 && _sources.SequenceEqual(run._sources)));
    }

    private T Read<T>(ModelParts part, T value)
    {
        if (_tracking)
        {
            PartsRead |= part;
        }

        return value;
    }
}

/// <summary>The parts of a <see cref="ClusterModel"/>, for recording which ones a check read.</summary>
[Flags]
internal enum ModelParts
{
    None = 0,
    Families = 1,
    ServiceCidrs = 2,
    PodCidrs = 4,
    PoolCidrs = 8,
    NodeIps = 16,
    DnsIp = 32,
    ConfigDocuments = 64,
}

/// <summary>A range of the cluster model with the file, field and line that defined it.</summary>
public sealed record ModelCidr(IpCidr Cidr, RangeRole Role, ConfigValue Source, CidrListSetting Setting)
{
    /// <summary>The file that defined the range.</summary>
    public string File => Source.Path;

    /// <summary>The key path that defined it (<c>networking.serviceSubnet</c>); for a default, the key whose default applies.</summary>
    public string Field => Source.Field;

    /// <summary>The line of the value, or of the key that makes a default apply.</summary>
    public int Line => Source.Span.Line;
}

/// <summary>An address of the cluster model with the file, field and line that defined it.</summary>
public sealed record ModelIp(IpAddress Ip, ConfigValue Source)
{
    public string File => Source.Path;

    public string Field => Source.Field;

    public int Line => Source.Span.Line;
}
