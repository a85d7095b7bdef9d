using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3015 on kubeadm configuration: API versions before v1beta3 (rejected), v1beta3 (deprecated since kubeadm 1.31,
/// info), and extraArgs of the wrong shape for the version (v1beta3 maps, v1beta4 name/value lists — decode errors).
/// </summary>
public sealed class DS3015KubeadmConfigurationCheck : IObjectCheck
{
    private static readonly string[] ArgPaths =
        ["apiServer.extraArgs", "controllerManager.extraArgs", "scheduler.extraArgs", "etcd.local.extraArgs", "nodeRegistration.kubeletExtraArgs"];

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.KubeadmConfigurationShape];

    public void Check(KubeObject obj, CheckContext context)
    {
        if (obj.Group != KubeadmReader.Group)
        {
            return;
        }

        var version = obj.ApiVersion.Substring(KubeadmReader.Group.Length + 1);
        var versionNode = obj.Root.Get("apiVersion")!;
        if (version is not ("v1beta3" or "v1beta4"))
        {
            context.Report(Rules.RuleIds.KubeadmConfigurationShape, obj.Document, versionNode, "kubeadm " + obj.Kind, "apiVersion",
                $"your configuration file uses an old API spec: \"{obj.ApiVersion}\"; use kubeadm.k8s.io/v1beta4 ('kubeadm config migrate' converts it)");
            return;
        }

        if (!KubeadmReader.Is(obj))
        {
            return;
        }

        if (version == "v1beta3")
        {
            context.Report(Rules.RuleIds.KubeadmConfigurationShape, obj.Document, versionNode, "kubeadm " + obj.Kind, "apiVersion",
                "kubeadm.k8s.io/v1beta3 uses a deprecated API spec since kubeadm 1.31; migrate to v1beta4 with 'kubeadm config migrate' (extraArgs become name/value lists)",
                Severity.Info);
        }

        foreach (var path in ArgPaths)
        {
            YamlNode? node = obj.Root;
            foreach (var part in path.Split('.'))
            {
                node = node.Get(part);
            }

            if (node is null || (node is YamlScalarNode s && s.IsNull()))
            {
                continue;
            }

            if (version == "v1beta3" && node is not YamlMappingNode)
            {
                context.Report(Rules.RuleIds.KubeadmConfigurationShape, obj.Document, node, "kubeadm " + obj.Kind, path,
                    "kubeadm.k8s.io/v1beta3 takes a map of flag names to values here, not the name/value list of v1beta4, so kubeadm fails to decode the file; write `flag: value` entries");
            }
            else if (version == "v1beta4" && node is not YamlSequenceNode)
            {
                context.Report(Rules.RuleIds.KubeadmConfigurationShape, obj.Document, node, "kubeadm " + obj.Kind, path,
                    "kubeadm.k8s.io/v1beta4 takes a list of {name, value} here, not the map of v1beta3, so kubeadm fails to decode the file; write `- {name: flag, value: \"…\"}` entries");
            }
            else if (node is YamlSequenceNode list)
            {
                for (var i = 0; i < list.Children.Count; i++)
                {
                    if (list.Children[i].GetString("name") is null or "")
                    {
                        context.Report(Rules.RuleIds.KubeadmConfigurationShape, obj.Document, list.Children[i], "kubeadm " + obj.Kind, $"{path}[{i}].name", "argument has no name");
                    }
                }
            }
        }
    }
}
