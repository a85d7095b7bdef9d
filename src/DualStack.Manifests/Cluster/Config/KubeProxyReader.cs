using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>Reads a <c>KubeProxyConfiguration</c>: <c>clusterCIDR</c> (comma list) and <c>detectLocal.clusterCIDRs</c>.</summary>
public static class KubeProxyReader
{
    public const string ObjectName = "KubeProxyConfiguration";

    public static bool Is(KubeObject obj) => obj.Group == "kubeproxy.config.k8s.io" && obj.Kind == "KubeProxyConfiguration";

    public static ConfigDocument Read(KubeObject obj)
    {
        var config = new ConfigDocument(ConfigFormat.KubeProxy, obj.Document, ObjectName);
        var setting = ConfigReading.CidrList(obj.Document, obj.Root.Get("clusterCIDR"), ObjectName, "clusterCIDR", RangeRole.Pod, RangeValidator.Components, "clusterCIDR")
            ?? ConfigReading.CidrList(obj.Document, obj.Root.Get("detectLocal").Get("clusterCIDRs"), ObjectName, "detectLocal.clusterCIDRs", RangeRole.Pod, RangeValidator.Components, "detectLocal.clusterCIDRs");
        if (setting is not null)
        {
            config.Ranges.Add(setting);
        }

        return config;
    }
}
