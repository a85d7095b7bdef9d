using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Reads a k3s or RKE2 <c>config.yaml</c> (keys are the flag names), also when Ansible-style variables wrap it in
/// <c>rke2_server</c>, <c>rke2_agent</c>, <c>k3s_server</c>, <c>k3s_agent</c>, <c>rke2_config</c> or <c>k3s_config</c>.
/// </summary>
public static class K3sReader
{
    private static readonly string[] NetworkKeys =
        ["cluster-cidr", "service-cidr", "cluster-dns", "node-ip", "node-external-ip", "flannel-backend", "flannel-ipv6-masq", "kube-controller-manager-arg", "advertise-address"];

    private static readonly string[] Wrappers = ["rke2_server", "rke2_agent", "rke2_config", "k3s_server", "k3s_agent", "k3s_config"];

    /// <summary>The mapping holding the flags and its key path prefix, or null when the document is not a k3s/RKE2 config.</summary>
    public static (YamlMappingNode Map, string Prefix)? Find(LoadedDocument document)
    {
        if (ConfigReading.PlainMapping(document) is not { } root)
        {
            return null;
        }

        if (NetworkKeys.Any(k => root.Get(k) is not null))
        {
            return (root, string.Empty);
        }

        foreach (var wrapper in Wrappers)
        {
            if (root.Get(wrapper) is YamlMappingNode inner && NetworkKeys.Any(k => inner.Get(k) is not null))
            {
                return (inner, wrapper + ".");
            }
        }

        return null;
    }

    public static string NameFor(LoadedDocument document) =>
        document.File.Path.IndexOf("rke2", StringComparison.OrdinalIgnoreCase) >= 0 ? "RKE2 config" : "k3s config";

    public static ConfigDocument Read(LoadedDocument document, YamlMappingNode map, string prefix)
    {
        var name = NameFor(document);
        var config = new ConfigDocument(ConfigFormat.K3s, document, name);
        var pod = ConfigReading.CidrList(document, map.Get("cluster-cidr"), name, prefix + "cluster-cidr", RangeRole.Pod, RangeValidator.Components, "cluster-cidr");
        var service = ConfigReading.CidrList(document, map.Get("service-cidr"), name, prefix + "service-cidr", RangeRole.Service, RangeValidator.Components, "service-cidr");

        // k3s defaults are IPv4; on IPv6-only nodes it picks IPv6 ones, so an absent key is only defaulted when the
        // other one is IPv4 (or absent too).
        YamlNode anchor = map.Children.Keys.First();
        if (pod is null && (service is null || service.Families.All(f => f == IpFamily.IPv4)))
        {
            pod = ConfigReading.DefaultCidrList(document, anchor, name, prefix + "cluster-cidr", "10.42.0.0/16", RangeRole.Pod, RangeValidator.Components, "cluster-cidr");
        }

        if (service is null && (pod is null || pod.Families.All(f => f == IpFamily.IPv4)))
        {
            service = ConfigReading.DefaultCidrList(document, anchor, name, prefix + "service-cidr", "10.43.0.0/16", RangeRole.Service, RangeValidator.Components, "service-cidr");
        }

        config.AddRange(pod);
        config.AddServiceRange(service);

        if (ConfigReading.NodeIpList(document, map.Get("node-ip"), name, prefix + "node-ip") is { } nodeIp)
        {
            config.NodeIps.Add(nodeIp);
        }

        config.DnsIp = ConfigReading.Ip(document, map.Get("cluster-dns"), name, prefix + "cluster-dns");
        config.AdvertiseAddress = ConfigReading.Ip(document, map.Get("advertise-address"), name, prefix + "advertise-address");
        ConfigReading.ReadSans(config, map.Get("tls-san"), prefix + "tls-san");
        ConfigReading.ReadMaxPods(config, ComponentArgs.FromAssignments(document, map.Get("kubelet-arg"), name, prefix + "kubelet-arg")["max-pods"]);

        // k3s/RKE2 run the controller manager with node CIDR allocation on; masks come from kube-controller-manager-arg.
        var cm = ComponentArgs.FromAssignments(document, map.Get("kube-controller-manager-arg"), name, prefix + "kube-controller-manager-arg");
        if (pod is not null && !pod.Value.IsDefault)
        {
            config.NodeMasks.Add(cm.NodeMasks(NodeMaskTool.ControllerManager, [pod]));
        }

        return config;
    }
}
