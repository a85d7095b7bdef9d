using System.Text.RegularExpressions;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3008: what the MicroK8s cluster-agent or generate-cni.sh rejects in a launch configuration: the version, value
/// types, extraConfigFiles names, a CNI other than Calico, a family enabled without its CIDRs, no family enabled.
/// </summary>
public sealed class DS3008MicroK8sLaunchConfigurationCheck : MicroK8sLaunchCheck
{
    private static readonly Regex SemVer = new(@"^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$", RegexOptions.CultureInvariant);

    public override IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidMicroK8sLaunchConfiguration];

    protected override void Check(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        CheckVersion(document, root, context);
        CheckTypes(document, root, context);
        CheckCniEnv(document, root, context);
    }

    private static void CheckVersion(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        var node = root.Get("version");
        var text = node.AsString();
        if (node is null || text is null)
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, (YamlNode?)root.GetKey("version") ?? root, Name, "version",
                "could not parse config file version \"\": the launch configuration needs \"version: 0.2.0\" (0.1.0 to 0.2.0 are supported)");
            return;
        }

        var match = SemVer.Match(text);
        if (!match.Success)
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, node, Name, "version",
                $"could not parse config file version \"{text}\": expected a semantic version from 0.1.0 to 0.2.0");
            return;
        }

        var version = new Version(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        if (version > new Version(0, 2, 0))
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, node, Name, "version",
                $"config file version is {text} but the maximum version supported is 0.2.0");
        }
        else if (version < new Version(0, 1, 0))
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, node, Name, "version",
                $"config file version is {text} but the minimum version required is 0.1.0");
        }
    }

    private static void CheckTypes(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        foreach (var entry in root.Children)
        {
            if (entry.Key.AsString() is not { } key || !MicroK8sReader.KnownKeys.Contains(key) || entry.Value is YamlScalarNode s && s.IsNull())
            {
                continue;
            }

            var value = entry.Value;
            if (key.StartsWith("extra", StringComparison.Ordinal) && key != "extraSANs" || key == "containerdRegistryConfigs")
            {
                if (value is not YamlMappingNode map)
                {
                    ReportType(document, value, key, "a map of names to values", context);
                    continue;
                }

                foreach (var arg in map.Children)
                {
                    var argName = arg.Key.AsString() ?? string.Empty;
                    if (arg.Value is not YamlScalarNode)
                    {
                        ReportType(document, arg.Value, $"{key}.{argName}", "a single value (or null to remove it)", context);
                    }
                    else if (key == "extraConfigFiles" && argName.IndexOf('/') >= 0)
                    {
                        context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, arg.Key, Name, $"{key}.{argName}",
                            $"extraConfigFiles name \"{argName}\" contains \"/\"; names are file names inside $SNAP_DATA/args (the agent's path check does not catch this)");
                    }
                }
            }
            else if (key is "extraSANs" && value is not YamlSequenceNode)
            {
                ReportType(document, value, key, "a list of IPs and DNS names", context);
            }
            else if (key is "addons" or "addonRepositories")
            {
                if (value is not YamlSequenceNode list)
                {
                    ReportType(document, value, key, "a list of maps", context);
                    continue;
                }

                for (var i = 0; i < list.Children.Count; i++)
                {
                    if (list.Children[i] is not YamlMappingNode)
                    {
                        ReportType(document, list.Children[i], $"{key}[{i}]", "a map such as {name: dns}", context);
                    }
                    else if (list.Children[i].Get("args") is { } args && args is not YamlSequenceNode)
                    {
                        ReportType(document, args, $"{key}[{i}].args", "a list of strings", context);
                    }
                }
            }
            else if (key is "join" && value is not YamlMappingNode)
            {
                ReportType(document, value, key, "a map {url, worker}", context);
            }
        }
    }

    private static void CheckCniEnv(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        if (root.Get("extraCNIEnv") is not YamlMappingNode env)
        {
            return;
        }

        var cni = MicroK8sReader.CniEnv(env, "CNI");
        if (cni.Node is not null && cni.Text != "calico")
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, cni.Node, Name, "extraCNIEnv.CNI",
                $"CNI must be set to 'calico' (got \"{cni.Text}\"); generate-cni.sh supports no other CNI");
        }

        var enabled = 0;
        foreach (var family in new[] { IpFamily.IPv4, IpFamily.IPv6 })
        {
            var key = $"{family}_SUPPORT";
            var (text, node) = MicroK8sReader.CniEnv(env, key);
            if (text != "true")
            {
                continue;
            }

            enabled++;
            foreach (var suffix in new[] { "CLUSTER_CIDR", "SERVICE_CIDR" })
            {
                if (MicroK8sReader.CniEnv(env, $"{family}_{suffix}").Text is null)
                {
                    context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, (YamlNode?)node ?? root.GetKey("extraCNIEnv")!, Name, $"extraCNIEnv.{key}",
                        $"Failed: {key} is true, but no {family}_{suffix} was set; the install aborts");
                }
            }
        }

        if (enabled == 0)
        {
            var at = (YamlNode?)env.Get("IPv4_SUPPORT") ?? env.Get("IPv6_SUPPORT") ?? root.GetKey("extraCNIEnv")!;
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, at, Name, env.Get("IPv4_SUPPORT") is not null ? "extraCNIEnv.IPv4_SUPPORT" : "extraCNIEnv",
                "Failed: At least one of IPv4_SUPPORT or IPv6_SUPPORT must be true");
        }
    }

    private static void ReportType(LoadedDocument document, YamlNode node, string field, string expected, CheckContext context) =>
        context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, node, Name, field,
            $"could not parse configuration: {field} must be {expected}");
}
