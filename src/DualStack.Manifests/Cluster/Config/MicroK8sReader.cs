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
        if (document.Root is not YamlMappingNode root || root.Get("kind") is not null || root.Get("apiVersion") is not null)
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

                setting = new CidrListSetting(setting.Role, setting.Validator, setting.Value, setting.Items, setting.List)
                {
                    FlagName = key,
                    ExpectedFamily = family,
                    AllowsPair = false,
                    InModel = enabled,
                };

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

        var apiServer = root.Get("extraKubeAPIServerArgs");
        var controllerManager = root.Get("extraKubeControllerManagerArgs");
        var proxy = root.Get("extraKubeProxyArgs");
        var kubelet = root.Get("extraKubeletArgs");
        AddArg(config, apiServer, "extraKubeAPIServerArgs", "--service-cluster-ip-range", RangeRole.Service);
        AddArg(config, controllerManager, "extraKubeControllerManagerArgs", "--service-cluster-ip-range", RangeRole.Service);
        var kcmClusterCidr = AddArg(config, controllerManager, "extraKubeControllerManagerArgs", "--cluster-cidr", RangeRole.Pod);
        AddArg(config, proxy, "extraKubeProxyArgs", "--cluster-cidr", RangeRole.Pod);

        if (ConfigReading.NodeIpList(document, kubelet.Get("--node-ip"), ObjectName, "extraKubeletArgs.--node-ip") is { } nodeIp)
        {
            config.NodeIps.Add(nodeIp);
        }

        config.DnsIp = ConfigReading.Ip(document, kubelet.Get("--cluster-dns"), ObjectName, "extraKubeletArgs.--cluster-dns");
        config.AdvertiseAddress = ConfigReading.Ip(document, apiServer.Get("--advertise-address"), ObjectName, "extraKubeAPIServerArgs.--advertise-address");
        ConfigReading.ReadSans(config, root.Get("extraSANs"), "extraSANs");
        if (kubelet.Get("--max-pods") is { } maxPods && maxPods.AsString() is { } maxPodsText)
        {
            ConfigReading.ReadMaxPods(config, maxPods, "extraKubeletArgs.--max-pods", maxPodsText);
        }

        // MicroK8s' controller manager does not allocate node CIDRs unless the user turns it on.
        if (controllerManager.GetString("--allocate-node-cidrs") == "true")
        {
            var masks = new NodeMaskSetting(NodeMaskTool.ControllerManager, kcmClusterCidr is not null ? [kcmClusterCidr] : podRanges);
            ConfigReading.ReadMask(masks, document, controllerManager.Get("--node-cidr-mask-size-ipv4"), ObjectName, "extraKubeControllerManagerArgs.--node-cidr-mask-size-ipv4", "--node-cidr-mask-size-ipv4", IpFamily.IPv4);
            ConfigReading.ReadMask(masks, document, controllerManager.Get("--node-cidr-mask-size-ipv6"), ObjectName, "extraKubeControllerManagerArgs.--node-cidr-mask-size-ipv6", "--node-cidr-mask-size-ipv6", IpFamily.IPv6);
            if (controllerManager.Get("--node-cidr-mask-size") is { } single && single.AsString() is { } singleText)
            {
                masks.SingleMask = new ConfigValue(document, single, ObjectName, "extraKubeControllerManagerArgs.--node-cidr-mask-size", singleText);
            }

            config.NodeMasks.Add(masks);
        }

        return config;
    }

    private static CidrListSetting? AddArg(ConfigDocument config, YamlNode? args, string section, string flag, RangeRole role)
    {
        var setting = ConfigReading.CidrList(config.Document, args.Get(flag), ObjectName, $"{section}.{flag}", role, RangeValidator.Components, flag);
        if (setting is null)
        {
            return null;
        }

        setting = new CidrListSetting(setting.Role, setting.Validator, setting.Value, setting.Items, setting.List) { FlagName = flag, InModel = false };
        config.Ranges.Add(setting);
        return setting;
    }
}
