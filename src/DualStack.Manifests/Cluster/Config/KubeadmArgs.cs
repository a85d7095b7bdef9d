using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Cluster.Config;

/// <summary>
/// kubeadm <c>extraArgs</c> / <c>kubeletExtraArgs</c> in either shape: v1beta3 maps (<c>{node-ip: "…"}</c>) or
/// v1beta4 lists (<c>[{name: node-ip, value: "…"}]</c>, the last occurrence wins). Each value keeps its field path
/// (<c>controllerManager.extraArgs.node-cidr-mask-size-ipv6</c> or <c>controllerManager.extraArgs[2].value</c>).
/// </summary>
public static class KubeadmArgs
{
    public static Dictionary<string, (YamlNode Node, string Field)> Read(YamlNode? args, string path)
    {
        var result = new Dictionary<string, (YamlNode, string)>(StringComparer.Ordinal);
        if (args is YamlMappingNode map)
        {
            foreach (var entry in map.Children)
            {
                if (entry.Key.AsString() is { } name)
                {
                    result[name] = (entry.Value, $"{path}.{name}");
                }
            }
        }
        else if (args is YamlSequenceNode list)
        {
            var index = 0;
            foreach (var item in list.Children)
            {
                if (item.GetString("name") is { } name && item.Get("value") is { } value)
                {
                    result[name] = (value, $"{path}[{index}].value");
                }

                index++;
            }
        }

        return result;
    }
}
