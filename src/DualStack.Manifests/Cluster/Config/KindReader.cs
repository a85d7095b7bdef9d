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

        var masks = new NodeMaskSetting(NodeMaskTool.Kubeadm, [pod]);
        config.NodeMasks.Add(masks);
        return config;
    }
}
