using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// The flags an installer passes to one Kubernetes component, by flag name without dashes, each with where it is
/// written. Installers write them in different shapes (kubeadm <c>extraArgs</c> maps or lists, kind's kubeadm patches,
/// k3s/RKE2 <c>flag=value</c> lists, MicroK8s <c>extraKube*Args</c> maps of <c>--flag</c>); once read, the same flags
/// mean the same thing, so the range overrides, node masks and node-CIDR allocation are read here once for all of them.
/// </summary>
internal sealed class ComponentArgs
{
    private readonly Dictionary<string, ConfigValue> _values = new(StringComparer.Ordinal);

    // How the installer's own messages and docs spell a flag: "--node-cidr-mask-size-ipv6" or "node-cidr-mask-size-ipv6".
    private readonly string _flagPrefix;

    private ComponentArgs(string flagPrefix) => _flagPrefix = flagPrefix;

    /// <summary>
    /// kubeadm <c>extraArgs</c> / <c>kubeletExtraArgs</c> in either shape: v1beta3 maps (<c>{node-ip: "…"}</c>) or v1beta4
    /// lists (<c>[{name: node-ip, value: "…"}]</c>, the last occurrence wins). Each value keeps its field path
    /// (<c>controllerManager.extraArgs.node-cidr-mask-size-ipv6</c> or <c>controllerManager.extraArgs[2].value</c>).
    /// </summary>
    /// <param name="at">The node findings point at instead of the value's own (kind's patches: the block scalar holding them), or null.</param>
    public static ComponentArgs FromKubeadm(LoadedDocument document, YamlNode? args, string objectName, string path, YamlNode? at = null)
    {
        var result = new ComponentArgs(string.Empty);
        void Add(string name, YamlNode node, string field)
        {
            if (node.AsString() is { } text)
            {
                result._values[name] = new ConfigValue(document, at ?? node, objectName, field, text);
            }
        }

        if (args is YamlMappingNode map)
        {
            foreach (var entry in map.Children)
            {
                if (entry.Key.AsString() is { } name)
                {
                    Add(name, entry.Value, $"{path}.{name}");
                }
            }
        }
        else if (args is YamlSequenceNode list)
        {
            for (var index = 0; index < list.Children.Count; index++)
            {
                if (list.Children[index].GetString("name") is { } name && list.Children[index].Get("value") is { } value)
                {
                    Add(name, value, $"{path}[{index}].value");
                }
            }
        }

        return result;
    }

    /// <summary>A map of <c>--flag: value</c> (MicroK8s <c>extraKubeletArgs</c> and the like); keys without dashes are not flags.</summary>
    public static ComponentArgs FromFlagMap(LoadedDocument document, YamlNode? map, string objectName, string section)
    {
        var result = new ComponentArgs("--");
        if (map is YamlMappingNode mapping)
        {
            foreach (var entry in mapping.Children)
            {
                if (entry.Key.AsString() is { } key && key.StartsWith("--", StringComparison.Ordinal) && entry.Value.AsString() is { } text)
                {
                    result._values[key.Substring(2)] = new ConfigValue(document, entry.Value, objectName, $"{section}.{key}", text);
                }
            }
        }

        return result;
    }

    /// <summary>A list of <c>flag=value</c> strings, or one such string (k3s/RKE2 <c>kube-controller-manager-arg</c>, <c>kubelet-arg</c>).</summary>
    public static ComponentArgs FromAssignments(LoadedDocument document, YamlNode? list, string objectName, string field)
    {
        var result = new ComponentArgs("--");
        var nodes = list is YamlSequenceNode sequence
            ? sequence.Children.Select((node, i) => (node, $"{field}[{i}]")).ToList()
            : list is YamlScalarNode ? [(list, field)] : new List<(YamlNode, string)>();
        foreach (var (node, path) in nodes)
        {
            var text = node.AsString() ?? string.Empty;
            var eq = text.IndexOf('=');
            if (eq > 0)
            {
                result._values[text.Substring(0, eq).TrimStart('-')] = new ConfigValue(document, node, objectName, path, text.Substring(eq + 1), eq + 1);
            }
        }

        return result;
    }

    /// <summary>These flags with <paramref name="later"/>'s replacing them where both set one (patches applied in order).</summary>
    public ComponentArgs Then(ComponentArgs later)
    {
        var result = new ComponentArgs(_flagPrefix);
        foreach (var entry in _values.Concat(later._values))
        {
            result._values[entry.Key] = entry.Value;
        }

        return result;
    }

    /// <summary>The value of <paramref name="flag"/> (without dashes), or null.</summary>
    public ConfigValue? this[string flag] => _values.TryGetValue(flag, out var value) ? value : null;

    /// <summary>The flag as the installer spells it in messages.</summary>
    public string FlagName(string flag) => _flagPrefix + flag;

    /// <summary>
    /// Whether the controller manager cuts node CIDRs out of the pod range: <c>--allocate-node-cidrs</c> when given,
    /// else the installer's default (on for kubeadm, kind and k3s, off for MicroK8s).
    /// </summary>
    public bool AllocatesNodeCidrs(bool byDefault) => this["allocate-node-cidrs"]?.Text switch
    {
        "true" => true,
        "false" => false,
        _ => byDefault,
    };

    /// <summary>A component's own range flag (<c>--cluster-cidr</c>, <c>--service-cluster-ip-range</c>): it overrides what the file defines, so it is checked but not part of the model.</summary>
    public CidrListSetting? RangeOverride(string flag, RangeRole role) =>
        this[flag] is { } value ? ConfigReading.CidrList(value, role, RangeValidator.Components, "--" + flag).With(inModel: false) : null;

    /// <summary>The node mask flags (<c>--node-cidr-mask-size-ipv4</c>, <c>-ipv6</c> and the single-stack one) of the controller manager.</summary>
    public NodeMaskSetting NodeMasks(NodeMaskTool tool, IReadOnlyList<CidrListSetting> podRanges)
    {
        var masks = new NodeMaskSetting(tool, podRanges);
        foreach (var (flag, family) in new[] { ("node-cidr-mask-size-ipv4", IpFamily.IPv4), ("node-cidr-mask-size-ipv6", IpFamily.IPv6) })
        {
            if (this[flag] is { } value)
            {
                masks.Set(family, value, FlagName(flag));
            }
        }

        masks.SingleMask = this["node-cidr-mask-size"];
        return masks;
    }
}
