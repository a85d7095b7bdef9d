using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Reads a kind <c>Cluster</c> (<c>kind.x-k8s.io/v1alpha4</c>). kind fills in subnets per <c>ipFamily</c>
/// (<c>pkg/internal/apis/config/default.go</c>) and hands them to kubeadm, so kubeadm's limits apply.
/// </summary>
public static class KindReader
{
    public const string ObjectName = "kind Cluster";

    public static bool Is(KubeObject obj) => obj.Group == "kind.x-k8s.io" && obj.Kind == "Cluster";

    public static (string Pod, string Service) Defaults(string ipFamily) => ipFamily switch
    {
        "ipv6" => ("fd00:10:244::/56", "fd00:10:96::/112"),
        "dual" => ("10.244.0.0/16,fd00:10:244::/56", "10.96.0.0/16,fd00:10:96::/112"),
        _ => ("10.244.0.0/16", "10.96.0.0/16"),
    };

    public static ConfigDocument Read(KubeObject obj)
    {
        var document = obj.Document;
        var root = obj.Root;
        var config = new ConfigDocument(ConfigFormat.Kind, document, ObjectName) { ServiceValidator = RangeValidator.Kubeadm };
        var networking = root.Get("networking");
        var ipFamily = networking.GetString("ipFamily") ?? "ipv4";
        var anchor = (YamlNode?)networking.Get("ipFamily") ?? (YamlNode?)root.GetKey("networking") ?? root.GetKey("kind") ?? (YamlNode)root;
        var defaults = Defaults(ipFamily);

        var pod = ConfigReading.CidrList(document, networking.Get("podSubnet"), ObjectName, "networking.podSubnet", RangeRole.Pod, RangeValidator.Kubeadm, "podSubnet")
            ?? ConfigReading.DefaultCidrList(document, anchor, ObjectName, "networking.podSubnet", defaults.Pod, RangeRole.Pod, RangeValidator.Kubeadm, "podSubnet");
        var service = ConfigReading.CidrList(document, networking.Get("serviceSubnet"), ObjectName, "networking.serviceSubnet", RangeRole.Service, RangeValidator.Kubeadm, "serviceSubnet")
            ?? ConfigReading.DefaultCidrList(document, anchor, ObjectName, "networking.serviceSubnet", defaults.Service, RangeRole.Service, RangeValidator.Kubeadm, "serviceSubnet");
        config.Ranges.Add(pod);
        config.Ranges.Add(service);

        // Node IPs and service families follow the first serviceSubnet entry (kind passes node-ip in that order).
        var families = service.Families;
        if (families.Count > 0)
        {
            var fams = families.Count == 2 && families[0] != families[1] ? IpFamilies.Of(families[0], families[1]) : IpFamilies.Of(families[0]);
            config.Families = (fams, service.Value);
        }

        // kubeadmConfigPatches may override what kind derives (Calico's CI narrows the controller manager's cluster-cidr).
        var patchIndex = 0;
        CidrListSetting? clusterCidr = null;
        var maskArgs = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var allocate = true;
        foreach (var patch in root.Get("kubeadmConfigPatches").Items())
        {
            var field = $"kubeadmConfigPatches[{patchIndex}]";
            patchIndex++;
            if (patch is not YamlScalarNode scalar || ParsePatch(scalar.Value) is not { } patchRoot
                || patchRoot.GetString("kind") != "ClusterConfiguration" || patchRoot.GetString("apiVersion")?.StartsWith(KubeadmReader.Group + "/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var cm = KubeadmArgs.Read(patchRoot.Get("controllerManager").Get("extraArgs"), field + ".controllerManager.extraArgs");
            if (cm.TryGetValue("cluster-cidr", out var arg) && arg.Node.AsString() is { } text)
            {
                // Positions: the value is found inside the block scalar by its text.
                var whole = new ConfigValue(document, scalar, ObjectName, arg.Field, text);
                var (items, list) = ConfigReading.SplitCidrs(whole, trims: false);
                clusterCidr = new CidrListSetting(RangeRole.Pod, RangeValidator.Components, whole, items, list)
                {
                    FlagName = "--cluster-cidr",
                    InModel = false,
                };
                config.Ranges.Add(clusterCidr);
            }

            foreach (var flag in new[] { "node-cidr-mask-size-ipv4", "node-cidr-mask-size-ipv6" })
            {
                if (cm.TryGetValue(flag, out var mask) && mask.Node.AsString() is { } maskText)
                {
                    maskArgs[flag] = new ConfigValue(document, scalar, ObjectName, mask.Field, maskText);
                }
            }

            allocate &= !(cm.TryGetValue("allocate-node-cidrs", out var alloc) && alloc.Node.AsString() == "false");
        }

        if (allocate)
        {
            var masks = new NodeMaskSetting(NodeMaskTool.Kubeadm, [clusterCidr ?? pod]);
            foreach (var entry in maskArgs)
            {
                var value = entry.Value;
                var family = entry.Key.EndsWith("ipv4", StringComparison.Ordinal) ? IpFamily.IPv4 : IpFamily.IPv6;
                if (!ConfigReading.TryInt(value.Text, out var m))
                {
                    masks.Unparsable.Add((value, entry.Key));
                }
                else if (family == IpFamily.IPv4)
                {
                    masks.IPv4 = (m, value);
                }
                else
                {
                    masks.IPv6 = (m, value);
                }
            }

            config.NodeMasks.Add(masks);
        }

        return config;
    }

    private static YamlMappingNode? ParsePatch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new System.IO.StringReader(text));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws InvalidOperationException on some malformed input, not only YamlException.
            return null; // A broken patch is kind's error to report; nothing to cross-check.
        }
    }
}
