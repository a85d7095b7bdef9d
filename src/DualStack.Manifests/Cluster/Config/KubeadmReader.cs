using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>Reads kubeadm <c>ClusterConfiguration</c>, <c>InitConfiguration</c> and <c>JoinConfiguration</c> (v1beta3 and v1beta4).</summary>
public static class KubeadmReader
{
    public const string Group = "kubeadm.k8s.io";

    public static bool Is(KubeObject obj) =>
        obj.Group == Group && obj.Kind is "ClusterConfiguration" or "InitConfiguration" or "JoinConfiguration";

    public static ConfigDocument Read(KubeObject obj)
    {
        var document = obj.Document;
        var root = obj.Root;
        var name = "kubeadm " + obj.Kind;
        var config = new ConfigDocument(ConfigFormat.Kubeadm, document, name) { ServiceValidator = RangeValidator.Kubeadm };

        if (obj.Kind == "ClusterConfiguration")
        {
            var networking = root.Get("networking");
            var pod = ConfigReading.CidrList(document, networking.Get("podSubnet"), name, "networking.podSubnet", RangeRole.Pod, RangeValidator.Kubeadm, "podSubnet");
            var service = ConfigReading.CidrList(document, networking.Get("serviceSubnet"), name, "networking.serviceSubnet", RangeRole.Service, RangeValidator.Kubeadm, "serviceSubnet")
                ?? ConfigReading.DefaultCidrList(document, (YamlNode?)root.GetKey("networking") ?? root.GetKey("kind") ?? (YamlNode)root, name, "networking.serviceSubnet", "10.96.0.0/12", RangeRole.Service, RangeValidator.Kubeadm, "serviceSubnet");
            if (pod is not null)
            {
                config.Ranges.Add(pod);
            }

            config.Ranges.Add(service);
            if (service.Items.FirstOrDefault()?.Cidr is { } primary)
            {
                var second = service.Items.Skip(1).FirstOrDefault()?.Cidr;
                config.Families = (second is { } s && s.Family != primary.Family ? IpFamilies.Of(primary.Family, s.Family) : IpFamilies.Of(primary.Family), service.Value);
            }

            var cm = KubeadmArgs.Read(root.Get("controllerManager").Get("extraArgs"), "controllerManager.extraArgs");
            var api = KubeadmArgs.Read(root.Get("apiServer").Get("extraArgs"), "apiServer.extraArgs");
            AddOverride(config, cm, "cluster-cidr", RangeRole.Pod);
            AddOverride(config, cm, "service-cluster-ip-range", RangeRole.Service);
            AddOverride(config, api, "service-cluster-ip-range", RangeRole.Service);
            ConfigReading.ReadSans(config, root.Get("apiServer").Get("certSANs"), "apiServer.certSANs");
            if (api.TryGetValue("advertise-address", out var advertise))
            {
                config.AdvertiseAddress = ConfigReading.Ip(document, advertise.Node, name, advertise.Field);
            }

            // ValidatePodSubnetNodeMask runs unless allocate-node-cidrs is "false".
            if (pod is not null && !(cm.TryGetValue("allocate-node-cidrs", out var allocate) && allocate.Node.AsString() == "false"))
            {
                var masks = new NodeMaskSetting(NodeMaskTool.Kubeadm, [pod]);
                foreach (var (flag, family) in new[] { ("node-cidr-mask-size-ipv4", IpFamily.IPv4), ("node-cidr-mask-size-ipv6", IpFamily.IPv6) })
                {
                    if (cm.TryGetValue(flag, out var arg))
                    {
                        ConfigReading.ReadMask(masks, document, arg.Node, name, arg.Field, flag, family);
                    }
                }

                if (cm.TryGetValue("node-cidr-mask-size", out var single) && single.Node.AsString() is { } singleText)
                {
                    masks.SingleMask = new ConfigValue(document, single.Node, name, single.Field, singleText);
                }

                config.NodeMasks.Add(masks);
            }
        }
        else
        {
            var endpoint = obj.Kind == "InitConfiguration" ? root.Get("localAPIEndpoint") : root.Get("controlPlane").Get("localAPIEndpoint");
            var endpointPath = obj.Kind == "InitConfiguration" ? "localAPIEndpoint" : "controlPlane.localAPIEndpoint";
            config.AdvertiseAddress = ConfigReading.Ip(document, endpoint.Get("advertiseAddress"), name, endpointPath + ".advertiseAddress");
            var kubelet = KubeadmArgs.Read(root.Get("nodeRegistration").Get("kubeletExtraArgs"), "nodeRegistration.kubeletExtraArgs");
            if (kubelet.TryGetValue("max-pods", out var maxPods) && maxPods.Node.AsString() is { } maxPodsText)
            {
                ConfigReading.ReadMaxPods(config, maxPods.Node, maxPods.Field, maxPodsText);
            }

            if (kubelet.TryGetValue("node-ip", out var nodeIp) && ConfigReading.NodeIpList(document, nodeIp.Node, name, nodeIp.Field) is { } ips)
            {
                config.NodeIps.Add(ips);
            }
        }

        return config;
    }

    private static void AddOverride(ConfigDocument config, Dictionary<string, (YamlNode Node, string Field)> args, string flag, RangeRole role)
    {
        if (args.TryGetValue(flag, out var arg)
            && ConfigReading.CidrList(config.Document, arg.Node, config.ObjectName, arg.Field, role, RangeValidator.Components, "--" + flag) is { } setting)
        {
            config.Ranges.Add(new CidrListSetting(setting.Role, setting.Validator, setting.Value, setting.Items, setting.List) { FlagName = "--" + flag, InModel = false });
        }
    }
}
