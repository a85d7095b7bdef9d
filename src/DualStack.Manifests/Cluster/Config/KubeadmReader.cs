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
            config.AddRange(pod);
            config.AddServiceRange(service);

            var cm = ComponentArgs.FromKubeadm(document, root.Get("controllerManager").Get("extraArgs"), name, "controllerManager.extraArgs");
            var api = ComponentArgs.FromKubeadm(document, root.Get("apiServer").Get("extraArgs"), name, "apiServer.extraArgs");
            config.AddRange(cm.RangeOverride("cluster-cidr", RangeRole.Pod));
            config.AddRange(cm.RangeOverride("service-cluster-ip-range", RangeRole.Service));
            config.AddRange(api.RangeOverride("service-cluster-ip-range", RangeRole.Service));
            ConfigReading.ReadSans(config, root.Get("apiServer").Get("certSANs"), "apiServer.certSANs");
            config.AdvertiseAddress = ConfigReading.Ip(api["advertise-address"]);

            // ValidatePodSubnetNodeMask runs unless allocate-node-cidrs is "false".
            if (pod is not null && cm.AllocatesNodeCidrs(byDefault: true))
            {
                config.NodeMasks.Add(cm.NodeMasks(NodeMaskTool.Kubeadm, [pod]));
            }
        }
        else
        {
            var endpoint = obj.Kind == "InitConfiguration" ? root.Get("localAPIEndpoint") : root.Get("controlPlane").Get("localAPIEndpoint");
            var endpointPath = obj.Kind == "InitConfiguration" ? "localAPIEndpoint" : "controlPlane.localAPIEndpoint";
            config.AdvertiseAddress = ConfigReading.Ip(document, endpoint.Get("advertiseAddress"), name, endpointPath + ".advertiseAddress");
            var kubelet = ComponentArgs.FromKubeadm(document, root.Get("nodeRegistration").Get("kubeletExtraArgs"), name, "nodeRegistration.kubeletExtraArgs");
            ConfigReading.ReadMaxPods(config, kubelet["max-pods"]);
            if (ConfigReading.NodeIpList(kubelet["node-ip"]) is { } ips)
            {
                config.NodeIps.Add(ips);
            }
        }

        return config;
    }
}
