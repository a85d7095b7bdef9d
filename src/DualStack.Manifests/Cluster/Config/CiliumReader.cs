using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Reads Cilium Helm values. Recognised (no apiVersion/kind) by a Cilium-specific top-level key together with an
/// <c>ipv4</c>/<c>ipv6</c>/<c>ipam</c> map, or by a file name containing "cilium". With <c>ipam.mode</c>
/// <c>cluster-pool</c> (the default) the operator's pool lists are the pod ranges; their defaults apply when a
/// family is enabled and its list is not set.
/// </summary>
public static class CiliumReader
{
    public const string ObjectName = "Cilium Helm values";

    private static readonly string[] CiliumKeys =
    [
        "ipam", "kubeProxyReplacement", "k8sServiceHost", "k8sServicePort", "routingMode", "tunnelProtocol", "underlayProtocol",
        "ipv4NativeRoutingCIDR", "ipv6NativeRoutingCIDR", "enableIPv4Masquerade", "enableIPv6Masquerade", "hubble", "bpf",
    ];

    public static bool IsValues(LoadedDocument document)
    {
        if (ConfigReading.PlainMapping(document) is not { } root)
        {
            return false;
        }

        var hasFamilies = root.Get("ipv4") is YamlMappingNode || root.Get("ipv6") is YamlMappingNode || root.Get("ipam") is YamlMappingNode;
        var named = System.IO.Path.GetFileName(document.File.Path).IndexOf("cilium", StringComparison.OrdinalIgnoreCase) >= 0;
        return hasFamilies && (named || CiliumKeys.Any(k => root.Get(k) is not null));
    }

    public static bool Enabled(YamlNode root, IpFamily family)
    {
        var text = root.Get(family == IpFamily.IPv4 ? "ipv4" : "ipv6").GetString("enabled");
        return text is null ? family == IpFamily.IPv4 : text == "true";
    }

    public static ConfigDocument Read(LoadedDocument document)
    {
        var root = document.Root;
        var config = new ConfigDocument(ConfigFormat.Cilium, document, ObjectName);
        var mode = root.Get("ipam").GetString("mode") ?? "cluster-pool";
        if (mode != "cluster-pool")
        {
            return config;
        }

        var op = root.Get("ipam").Get("operator");
        foreach (var (family, v, defaultList, defaultMask) in new[] { (IpFamily.IPv4, "IPv4", "10.0.0.0/8", 24), (IpFamily.IPv6, "IPv6", "fd00::/104", 120) })
        {
            var enabled = Enabled(root, family);
            var field = $"ipam.operator.clusterPool{v}PodCIDRList";
            var list = ConfigReading.CidrList(document, op.Get($"clusterPool{v}PodCIDRList"), ObjectName, field, RangeRole.CiliumPool, RangeValidator.Cilium, $"clusterPool{v}PodCIDRList", trims: true);
            if (list is null && !enabled)
            {
                continue;
            }

            var familyKey = (YamlNode?)root.Get(family == IpFamily.IPv4 ? "ipv4" : "ipv6").Get("enabled") ?? root.GetKey(family == IpFamily.IPv4 ? "ipv4" : "ipv6") ?? (YamlNode?)root.GetKey("ipam") ?? root;
            list ??= ConfigReading.DefaultCidrList(document, familyKey, ObjectName, field, defaultList, RangeRole.CiliumPool, RangeValidator.Cilium, $"clusterPool{v}PodCIDRList");
            list = list.With(expectedFamily: family, inModel: enabled);
            config.Ranges.Add(list);
            if (!enabled)
            {
                continue;
            }

            var masks = new NodeMaskSetting(NodeMaskTool.Cilium, [list]);
            var maskField = $"ipam.operator.clusterPool{v}MaskSize";
            if (op.Get($"clusterPool{v}MaskSize") is { } maskNode)
            {
                ConfigReading.ReadMask(masks, document, maskNode, ObjectName, maskField, $"clusterPool{v}MaskSize", family);
            }
            else
            {
                var value = new ConfigValue(document, familyKey, ObjectName, maskField, defaultMask.ToString(System.Globalization.CultureInfo.InvariantCulture), isDefault: true);
                masks.Set(family, value, $"clusterPool{v}MaskSize");
            }

            config.NodeMasks.Add(masks);
        }

        return config;
    }
}
