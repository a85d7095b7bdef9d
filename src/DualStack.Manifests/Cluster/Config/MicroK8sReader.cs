using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// Reads a MicroK8s launch configuration (<c>/etc/microk8s.yaml</c>, <c>.microk8s.yaml</c>, <c>snap set microk8s
/// config=…</c>). What <c>scripts/generate-cni.sh</c> derives from <c>extraCNIEnv</c> — over the defaults of
/// <c>args/cni-env</c> — is the cluster's pod and service ranges; component args may override them.
/// </summary>
public static class MicroK8sReader
{
    public const string ObjectName = "MicroK8sLaunchConfiguration";

    /// <summary>Top-level keys of the launch configuration schema (cluster-agent <c>pkg/k8sinit/schema.go</c>).</summary>
    public static IReadOnlyList<string> KnownKeys { get; } =
    [
        "version", "addonRepositories", "addons", "extraKubeletArgs", "extraKubeAPIServerArgs", "extraKubeProxyArgs",
        "extraKubeControllerManagerArgs", "extraKubeSchedulerArgs", "extraKubeliteEnv", "extraSANs",
        "containerdRegistryConfigs", "extraContainerdArgs", "extraContainerdEnv", "extraDqliteArgs", "extraDqliteEnv",
        "extraMicroK8sClusterAgentArgs", "extraMicroK8sClusterAgentEnv", "extraMicroK8sAPIServerProxyArgs",
        "extraMicroK8sAPIServerProxyEnv", "extraEtcdArgs", "extraEtcdEnv", "extraFlanneldArgs", "extraFlanneldEnv",
        "extraConfigFiles", "persistentClusterToken", "join", "extraCNIEnv", "extraFIPSEnv",
    ];

    // Keys that other YAML files commonly have too; alone they do not make a launch configuration.
    private static readonly string[] GenericKeys = ["version", "addons", "join"];

    /// <summary>
    /// A launch configuration has no apiVersion/kind and has a schema key other than version/addons/join (exact or
    /// in another letter case), or has <c>version</c> and a file name containing "microk8s".
    /// </summary>
    public static bool IsLaunchConfiguration(LoadedDocument document)
    {
        if (ConfigReading.PlainMapping(document) is not { } root)
        {
            return false;
        }

        var keys = root.Children.Keys.Select(k => k.AsString()).Where(k => k is not null).ToList();
        if (keys.Any(k => KnownKeys.Any(known => !GenericKeys.Contains(known) && string.Equals(known, k, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        return keys.Contains("version") && System.IO.Path.GetFileName(document.File.Path).IndexOf("microk8s", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>The cni-env line for a key as the file leaves it: the file's text, null when the file deletes it (<c>~</c>), or the default.</summary>
    public static (string? Text, YamlScalarNode? Node) CniEnv(YamlNode? extraCniEnv, string key)
    {
        if (extraCniEnv.Get(key) is YamlScalarNode node)
        {
            return (node.IsNull() ? null : node.Value, node);
        }

        return (key switch
        {
            "IPv4_SUPPORT" => "true",
            "IPv4_CLUSTER_CIDR" => "10.1.0.0/16",
            "IPv4_SERVICE_CIDR" => "10.152.183.0/24",
            "IPv6_SUPPORT" => "false",
            "CNI" => "calico",
            _ => null,
        }, null);
    }

    /// <summary>generate-cni.sh enables a family only when the value is exactly <c>true</c>.</summary>
    public static bool Enabled(YamlNode? extraCniEnv, IpFamily family) =>
        CniEnv(extraCniEnv, family == IpFamily.IPv4 ? "IPv4_SUPPORT" : "IPv6_SUPPORT").Text == "true";

    public static ConfigDocument Read(LoadedDocument document)
    {
        var root = (YamlMappingNode)document.Root;
        var config = new ConfigDocument(ConfigFormat.MicroK8sLaunchConfiguration, document, ObjectName);
        var env = root.Get("extraCNIEnv");
        YamlNode anchor = (YamlNode?)root.GetKey("extraCNIEnv") ?? root;

        var podRanges = new List<CidrListSetting>();
        var families = new List<IpFamily>();
        foreach (var family in new[] { IpFamily.IPv4, IpFamily.IPv6 })
        {
            var enabled = Enabled(env, family);
            if (enabled)
            {
                families.Add(family);
            }

            foreach (var (suffix, role) in new[] { ("CLUSTER_CIDR", RangeRole.Pod), ("SERVICE_CIDR", RangeRole.Service) })
            {
                var key = $"{family}_{suffix}";
                var field = $"extraCNIEnv.{key}";
                var (text, node) = CniEnv(env, key);
                CidrListSetting? setting = null;
                if (node is not null && text is not null)
                {
                    setting = ConfigReading.CidrList(document, node, ObjectName, field, role, RangeValidator.Components, key);
                }
                else if (node is null && text is not null)
                {
                    setting = ConfigReading.DefaultCidrList(document, anchor, ObjectName, field, text, role, RangeValidator.Components, key);
                }

                if (setting is null)
                {
                    continue;
                }

                setting = setting.With(flagName: key, expectedFamily: family, allowsPair: false, inModel: enabled);

                // Defaults of a disabled family are not there at all; explicit ones are still checked for syntax.
                if (!enabled && setting.Value.IsDefault)
                {
                    continue;
                }

                config.Ranges.Add(setting);
                if (enabled && role == RangeRole.Pod)
                {
                    podRanges.Add(setting);
                }
            }
        }

        if (families.Count > 0)
        {
            var supportNode = env.Get(families.Count == 2 || families[0] == IpFamily.IPv6 ? "IPv6_SUPPORT" : "IPv4_SUPPORT");
            var source = supportNode is not null
                ? new ConfigValue(document, supportNode, ObjectName, families.Count == 2 || families[0] == IpFamily.IPv6 ? "extraCNIEnv.IPv6_SUPPORT" : "extraCNIEnv.IPv4_SUPPORT", supportNode.AsString() ?? string.Empty)
                : new ConfigValue(document, anchor, ObjectName, "extraCNIEnv.IPv4_SUPPORT", "true", isDefault: true);

            // generate-cni.sh always lists IPv4 first.
            config.Families = (IpFamilies.Of(families[0], families.Count == 2 ? families[1] : null), source);
        }

        var apiServer = ComponentArgs.FromFlagMap(document, root.Get("extraKubeAPIServerArgs"), ObjectName, "extraKubeAPIServerArgs");
        var controllerManager = ComponentArgs.FromFlagMap(document, root.Get("extraKubeControllerManagerArgs"), ObjectName, "extraKubeControllerManagerArgs");
        var proxy = ComponentArgs.FromFlagMap(document, root.Get("extraKubeProxyArgs"), ObjectName, "extraKubeProxyArgs");
        var kubelet = ComponentArgs.FromFlagMap(document, root.Get("extraKubeletArgs"), ObjectName, "extraKubeletArgs");
        config.AddRange(apiServer.RangeOverride("service-cluster-ip-range", RangeRole.Service));
        config.AddRange(controllerManager.RangeOverride("service-cluster-ip-range", RangeRole.Service));
        var kcmClusterCidr = config.AddRange(controllerManager.RangeOverride("cluster-cidr", RangeRole.Pod));
        config.AddRange(proxy.RangeOverride("cluster-cidr", RangeRole.Pod));

        if (ConfigReading.NodeIpList(kubelet["node-ip"]) is { } nodeIp)
        {
            config.NodeIps.Add(nodeIp);
        }

        config.DnsIp = ConfigReading.Ip(kubelet["cluster-dns"]);
        config.AdvertiseAddress = ConfigReading.Ip(apiServer["advertise-address"]);
        ConfigReading.ReadSans(config, root.Get("extraSANs"), "extraSANs");
        ConfigReading.ReadMaxPods(config, kubelet["max-pods"]);

        // MicroK8s' controller manager does not allocate node CIDRs unless the user turns it on.
        if (controllerManager.AllocatesNodeCidrs(byDefault: false))
        {
            config.NodeMasks.Add(controllerManager.NodeMasks(NodeMaskTool.ControllerManager, kcmClusterCidr is not null ? [kcmClusterCidr] : podRanges));
        }

        return config;
    }
}
