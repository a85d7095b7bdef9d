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
        if (document.Root is not YamlMappingNode root || root.Get("kind") is not null || root.Get("apiVersion") is not null)
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

        if (pod is not null)
        {
            config.Ranges.Add(pod);
        }

        if (service is not null)
        {
            config.Ranges.Add(service);
            var families = service.Families;
            if (families.Count > 0)
            {
                config.Families = (families.Count == 2 && families[0] != families[1] ? IpFamilies.Of(families[0], families[1]) : IpFamilies.Of(families[0]), service.Value);
            }
        }

        if (ConfigReading.NodeIpList(document, map.Get("node-ip"), name, prefix + "node-ip") is { } nodeIp)
        {
            config.NodeIps.Add(nodeIp);
        }

        config.DnsIp = ConfigReading.Ip(document, map.Get("cluster-dns"), name, prefix + "cluster-dns");
        config.AdvertiseAddress = ConfigReading.Ip(document, map.Get("advertise-address"), name, prefix + "advertise-address");
        ConfigReading.ReadSans(config, map.Get("tls-san"), prefix + "tls-san");
        var kubeletArgs = map.Get("kubelet-arg");
        var kubeletArgNodes = kubeletArgs is YamlSequenceNode ? kubeletArgs.Items() : kubeletArgs is null ? Array.Empty<YamlNode>() : new[] { kubeletArgs };
        for (var i = 0; i < kubeletArgNodes.Count; i++)
        {
            var text = kubeletArgNodes[i].AsString() ?? string.Empty;
            var eq = text.IndexOf('=');
            if (eq > 0 && text.Substring(0, eq).TrimStart('-') == "max-pods")
            {
                var field = kubeletArgs is YamlSequenceNode ? $"{prefix}kubelet-arg[{i}]" : prefix + "kubelet-arg";
                ConfigReading.ReadMaxPods(config, kubeletArgNodes[i], field, text.Substring(eq + 1), eq + 1);
            }
        }


        // k3s/RKE2 run the controller manager with node CIDR allocation on; masks come from kube-controller-manager-arg.
        if (pod is not null && !pod.Value.IsDefault)
        {
            var masks = new NodeMaskSetting(NodeMaskTool.ControllerManager, [pod]);
            var args = map.Get("kube-controller-manager-arg");
            var argNodes = args is YamlSequenceNode seq ? seq.Children.Select((n, i) => (n, $"{prefix}kube-controller-manager-arg[{i}]")).ToList()
                : args is YamlScalarNode ? [(args, prefix + "kube-controller-manager-arg")] : new List<(YamlNode, string)>();
            foreach (var (node, field) in argNodes)
            {
                var text = node.AsString() ?? string.Empty;
                var eq = text.IndexOf('=');
                if (eq < 0)
                {
                    continue;
                }

                var flag = text.Substring(0, eq).TrimStart('-');
                var valueText = text.Substring(eq + 1);
                var value = new ConfigValue(document, node, name, field, valueText, eq + 1);
                if (flag is "node-cidr-mask-size-ipv4" or "node-cidr-mask-size-ipv6")
                {
                    if (!ConfigReading.TryInt(valueText, out var mask))
                    {
                        masks.Unparsable.Add((value, "--" + flag));
                    }
                    else if (flag.EndsWith("ipv4", StringComparison.Ordinal))
                    {
                        masks.IPv4 = (mask, value);
                    }
                    else
                    {
                        masks.IPv6 = (mask, value);
                    }
                }
                else if (flag == "node-cidr-mask-size")
                {
                    masks.SingleMask = value;
                }
            }

            config.NodeMasks.Add(masks);
        }

        return config;
    }
}
