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
    public ClusterModel(IpFamilies families)
    {
        Families = families;
    }

    /// <summary>The target families: from cluster config files when they say, else from the options.</summary>
    public IpFamilies Families { get; private set; }

    /// <summary>True when a cluster configuration file of the run defined the families.</summary>
    public bool FamiliesFromConfiguration { get; private set; }

    /// <summary>Records the families a cluster configuration file defines.</summary>
    public void SetFamiliesFromConfiguration(IpFamilies families, string source)
    {
        Families = families;
        FamiliesFromConfiguration = true;
        if (!Sources.Contains(source))
        {
            Sources.Add(source);
        }
    }

    /// <summary>The service ranges of the cluster, primary first (from the first file that defines them, or its defaults).</summary>
    public List<ModelCidr> ServiceCidrs { get; } = [];

    /// <summary>The pod (cluster) ranges, primary first (from the first file that defines them, or its defaults).</summary>
    public List<ModelCidr> PodCidrs { get; } = [];

    /// <summary>CNI pools of every file: Calico IPPools and Installation pools, Cilium cluster-pool lists.</summary>
    public List<ModelCidr> PoolCidrs { get; } = [];

    /// <summary>Node IPs of every node configuration of the run (kubelet <c>--node-ip</c> values).</summary>
    public List<ModelIp> NodeIps { get; } = [];

    /// <summary>The cluster DNS IP (kubelet <c>--cluster-dns</c>, k3s <c>cluster-dns</c>), when a file sets it.</summary>
    public ModelIp? DnsIp { get; set; }

    /// <summary>Every recognised cluster configuration document of the run, in input order.</summary>
    public List<ConfigDocument> ConfigDocuments { get; } = [];

    /// <summary>The service range of a family, when known.</summary>
    public IpCidr? ServiceCidrFor(IpFamily family) =>
        ServiceCidrs.FirstOrDefault(c => c.Cidr.Family == family)?.Cidr;

    /// <summary>Records a file that contributed to the model.</summary>
    public void AddSource(string source)
    {
        if (!Sources.Contains(source))
        {
            Sources.Add(source);
        }
    }

    /// <summary>The files that contributed to the model, in input order, with what each defined.</summary>
    public List<string> Sources { get; } = [];

    public static ClusterModel FromOptions(LintOptions options) => new(options.IpFamilies);
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
