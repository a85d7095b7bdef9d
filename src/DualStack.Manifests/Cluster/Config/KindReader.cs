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

        // Node IPs and service families follow the first serviceSubnet entry (kind passes node-ip in that order).
        config.AddServiceRange(service);

        // kubeadmConfigPatches may override what kind derives (Calico's CI narrows the controller manager's cluster-cidr);
        // they are applied in order. Positions: a value is found inside the patch's block scalar by its text.
        var cm = ComponentArgs.FromKubeadm(document, null, ObjectName, string.Empty);
        var patchIndex = 0;
        foreach (var patch in root.Get("kubeadmConfigPatches").Items())
        {
            var field = $"kubeadmConfigPatches[{patchIndex}]";
            patchIndex++;
            if (patch is YamlScalarNode scalar && ParsePatch(scalar.Value) is { } patchRoot
                && patchRoot.GetString("kind") == "ClusterConfiguration" && patchRoot.GetString("apiVersion")?.StartsWith(KubeadmReader.Group + "/", StringComparison.Ordinal) == true)
            {
                cm = cm.Then(ComponentArgs.FromKubeadm(document, patchRoot.Get("controllerManager").Get("extraArgs"), ObjectName, field + ".controllerManager.extraArgs", at: scalar));
            }
        }

        var clusterCidr = config.AddRange(cm.RangeOverride("cluster-cidr", RangeRole.Pod));
        if (cm.AllocatesNodeCidrs(byDefault: true))
        {
            config.NodeMasks.Add(cm.NodeMasks(NodeMaskTool.Kubeadm, [clusterCidr ?? pod]));
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
