using DualStack.Manifests.Yaml;
using DualStack.Rules;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>The cluster configuration formats the engine recognises.</summary>
public enum ConfigFormat
{
    MicroK8sLaunchConfiguration,
    Kubeadm,
    Kind,
    KubeProxy,
    CalicoIPPool,
    CalicoInstallation,
    K3s,
    Cilium,
}

/// <summary>
/// What one recognised cluster configuration document says about the cluster network, format-independent, with a
/// source for every value. Readers build it; the cluster model and the generic DS3xxx checks use it.
/// </summary>
public sealed class ConfigDocument
{
    public ConfigDocument(ConfigFormat format, LoadedDocument document, string objectName)
    {
        Format = format;
        Document = document;
        ObjectName = objectName;
    }

    public ConfigFormat Format { get; }

    public LoadedDocument Document { get; }

    public string ObjectName { get; }

    public List<CidrListSetting> Ranges { get; } = [];

    public List<NodeIpSetting> NodeIps { get; } = [];

    public List<NodeMaskSetting> NodeMasks { get; } = [];

    public IpSetting? DnsIp { get; set; }

    public IpSetting? AdvertiseAddress { get; set; }

    /// <summary>Extra API server certificate names (MicroK8s <c>extraSANs</c>, kubeadm <c>certSANs</c>, k3s <c>tls-san</c>); <see cref="IpSetting.Ip"/> is null for DNS names.</summary>
    public List<IpSetting> Sans { get; } = [];

    /// <summary>kubelet's <c>--max-pods</c> when the document sets it to an integer (the kubelet default is 110).</summary>
    public (int Value, ConfigValue Source)? MaxPods { get; set; }

    /// <summary>The service families this document fixes for the cluster, with where (null when it does not).</summary>
    public (IpFamilies Families, ConfigValue Source)? Families { get; set; }

    /// <summary>The tool named in "the service range must …" messages (kube-apiserver for all but kubeadm/kind).</summary>
    public RangeValidator ServiceValidator { get; set; } = RangeValidator.Components;

    /// <summary>Adds <paramref name="range"/> when the file has it (or a default applies); returns it.</summary>
    public CidrListSetting? AddRange(CidrListSetting? range)
    {
        if (range is not null)
        {
            Ranges.Add(range);
        }

        return range;
    }

    /// <summary>Adds the service range of an installer that takes the cluster's service families from it (kubeadm, kind, k3s).</summary>
    public void AddServiceRange(CidrListSetting? service)
    {
        if (AddRange(service)?.ServiceFamilies is { } families)
        {
            Families = (families, service!.Value);
        }
    }
}
