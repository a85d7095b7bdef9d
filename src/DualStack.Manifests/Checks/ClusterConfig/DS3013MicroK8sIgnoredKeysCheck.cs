using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>DS3013: launch configuration keys the MicroK8s cluster-agent or generate-cni.sh silently ignores.</summary>
public sealed class DS3013MicroK8sIgnoredKeysCheck : MicroK8sLaunchCheck
{
    private static readonly string[] CniEnvKeys =
        ["CNI", "IPv4_SUPPORT", "IPv4_CLUSTER_CIDR", "IPv4_SERVICE_CIDR", "IPv6_SUPPORT", "IPv6_CLUSTER_CIDR", "IPv6_SERVICE_CIDR", "CALICO_VETH_MTU"];

    public override IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.IgnoredConfigurationKey];

    protected override void Check(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        foreach (var entry in root.Children)
        {
            if (entry.Key.AsString() is not { } key)
            {
                continue;
            }

            if (!MicroK8sReader.KnownKeys.Contains(key))
            {
                var similar = MicroK8sReader.KnownKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || string.Equals(k + "s", key, StringComparison.OrdinalIgnoreCase) || string.Equals(k, key + "s", StringComparison.OrdinalIgnoreCase));
                context.Report(Rules.RuleIds.IgnoredConfigurationKey, document, entry.Key, Name, key,
                    $"unknown key \"{key}\" is ignored (the cluster-agent only logs \"configuration may contain unknown fields\")" + (similar is null ? string.Empty : $"; did you mean \"{similar}\"?"));
            }
            else if (key.EndsWith("Args", StringComparison.Ordinal) && entry.Value is YamlMappingNode map)
            {
                foreach (var arg in map.Children)
                {
                    var argName = arg.Key.AsString() ?? string.Empty;
                    if (arg.Value is YamlScalarNode && !argName.StartsWith("-", StringComparison.Ordinal))
                    {
                        context.Report(Rules.RuleIds.IgnoredConfigurationKey, document, arg.Key, Name, $"{key}.{argName}",
                            $"argument \"{argName}\" has no leading dashes; keys are written to the args file as they are, so write \"--{argName}\"");
                    }
                }
            }
        }

        if (root.Get("extraCNIEnv") is YamlMappingNode env)
        {
            foreach (var entry in env.Children)
            {
                if (entry.Key.AsString() is { } key && !CniEnvKeys.Contains(key))
                {
                    var similar = CniEnvKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                    context.Report(Rules.RuleIds.IgnoredConfigurationKey, document, entry.Key, Name, $"extraCNIEnv.{key}",
                        $"extraCNIEnv key \"{key}\" is not read by generate-cni.sh" + (similar is null ? $"; known keys: {string.Join(", ", CniEnvKeys)}" : $"; did you mean \"{similar}\"?"));
                }
            }
        }
    }
}
