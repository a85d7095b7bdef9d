using System.Text.RegularExpressions;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// MicroK8s launch configurations: DS3008 (what the cluster-agent or generate-cni.sh rejects: version, CNI, families
/// without CIDRs, wrong types, extraConfigFiles names), DS3009 (settings that are accepted but disagree: SUPPORT
/// spelling, CIDRs of a disabled family, component args vs extraCNIEnv, extraSANs without the first service IP) and
/// DS3013 (keys the agent or generate-cni.sh silently ignores).
/// </summary>
public sealed class DS3008DS3009DS3010DS3013MicroK8sLaunchConfigurationCheck : IDocumentCheck
{
    private const string Name = MicroK8sReader.ObjectName;

    private static readonly string[] CniEnvKeys =
        ["CNI", "IPv4_SUPPORT", "IPv4_CLUSTER_CIDR", "IPv4_SERVICE_CIDR", "IPv6_SUPPORT", "IPv6_CLUSTER_CIDR", "IPv6_SERVICE_CIDR", "CALICO_VETH_MTU"];

    private static readonly Regex SemVer = new(@"^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$", RegexOptions.CultureInvariant);

    public IReadOnlyList<string> RuleIds { get; } =
        [Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, Rules.RuleIds.MicroK8sSettingsDisagree, Rules.RuleIds.IgnoredConfigurationKey, Rules.RuleIds.InvalidCalicoPool];

    public void Check(LoadedDocument document, CheckContext context)
    {
        if (!MicroK8sReader.IsLaunchConfiguration(document))
        {
            return;
        }

        var root = (YamlMappingNode)document.Root;
        CheckVersion(document, root, context);
        CheckKeysAndTypes(document, root, context);
        var config = MicroK8sReader.Read(document);
        CheckCniEnv(document, root, config, context);
        CheckArgsAgainstCniEnv(document, root, config, context);
        CheckExtraSans(document, root, config, context);
        CheckCalicoBlocks(config, context);
    }

    // generate-cni.sh writes the cluster CIDRs into Calico's default pools (CALICO_IPV4POOL_CIDR / CALICO_IPV6POOL_CIDR)
    // with the default block sizes 26 / 122; calico-node refuses a pool smaller than its block.
    private static void CheckCalicoBlocks(ConfigDocument config, CheckContext context)
    {
        foreach (var range in config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Pod && !r.Value.IsDefault))
        {
            foreach (var item in range.Items.Where(i => i.Cidr is not null))
            {
                var cidr = item.Cidr!.Value;
                var block = cidr.Family == IpFamily.IPv4 ? 26 : 122;
                if (cidr.FamilyPrefixLength > block)
                {
                    context.Report(Rules.RuleIds.InvalidCalicoPool, item.Value,
                        $"{range.FlagName} \"{item.Value.Text}\" becomes Calico's default {cidr.Family} pool, which must be at least as large as its /{block} block (\"IP pool size is too small for use with Calico IPAM\"); use a /{block} or larger range");
                }
            }
        }
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

    private static void CheckKeysAndTypes(LoadedDocument document, YamlMappingNode root, CheckContext context)
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
                continue;
            }

            var value = entry.Value;
            if (value is YamlScalarNode s && s.IsNull())
            {
                continue;
            }

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
                    else if (key.EndsWith("Args", StringComparison.Ordinal) && !argName.StartsWith("-", StringComparison.Ordinal))
                    {
                        context.Report(Rules.RuleIds.IgnoredConfigurationKey, document, arg.Key, Name, $"{key}.{argName}",
                            $"argument \"{argName}\" has no leading dashes; keys are written to the args file as they are, so write \"--{argName}\"");
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

    private static void ReportType(LoadedDocument document, YamlNode node, string field, string expected, CheckContext context) =>
        context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, node, Name, field,
            $"could not parse configuration: {field} must be {expected}");

    private static void CheckCniEnv(LoadedDocument document, YamlMappingNode root, ConfigDocument config, CheckContext context)
    {
        var env = root.Get("extraCNIEnv");
        if (env is not YamlMappingNode)
        {
            return;
        }

        var cni = MicroK8sReader.CniEnv(env, "CNI");
        if (cni.Node is not null && cni.Text != "calico")
        {
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, cni.Node, Name, "extraCNIEnv.CNI",
                $"CNI must be set to 'calico' (got \"{cni.Text}\"); generate-cni.sh supports no other CNI");
        }

        var enabled = new List<IpFamily>();
        foreach (var family in new[] { IpFamily.IPv4, IpFamily.IPv6 })
        {
            var key = $"{family}_SUPPORT";
            var (text, node) = MicroK8sReader.CniEnv(env, key);
            if (node is not null && text is not null && text != "true" && text != "false")
            {
                context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, document, node, Name, $"extraCNIEnv.{key}",
                    $"{key} is \"{text}\"; generate-cni.sh enables a family only for exactly \"true\", so {family} stays disabled — write true or false");
            }

            if (text == "true")
            {
                enabled.Add(family);
                foreach (var suffix in new[] { "CLUSTER_CIDR", "SERVICE_CIDR" })
                {
                    if (MicroK8sReader.CniEnv(env, $"{family}_{suffix}").Text is null)
                    {
                        context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, (YamlNode?)node ?? root.GetKey("extraCNIEnv")!, Name, $"extraCNIEnv.{key}",
                            $"Failed: {key} is true, but no {family}_{suffix} was set; the install aborts");
                    }
                }
            }
            else
            {
                foreach (var suffix in new[] { "CLUSTER_CIDR", "SERVICE_CIDR" })
                {
                    if (env.Get($"{family}_{suffix}") is YamlScalarNode cidr && !cidr.IsNull())
                    {
                        context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, document, cidr, Name, $"extraCNIEnv.{family}_{suffix}",
                            $"{family}_{suffix} is set but {key} is {(node is null ? "not set (default false)" : $"\"{text}\"")}; generate-cni.sh ignores it — set {key}: true to use it");
                    }
                }
            }
        }

        if (enabled.Count == 0)
        {
            var at = (YamlNode?)env.Get("IPv4_SUPPORT") ?? env.Get("IPv6_SUPPORT") ?? root.GetKey("extraCNIEnv")!;
            context.Report(Rules.RuleIds.InvalidMicroK8sLaunchConfiguration, document, at, Name, env.Get("IPv4_SUPPORT") is not null ? "extraCNIEnv.IPv4_SUPPORT" : "extraCNIEnv",
                "Failed: At least one of IPv4_SUPPORT or IPv6_SUPPORT must be true");
        }
    }

    private static void CheckArgsAgainstCniEnv(LoadedDocument document, YamlMappingNode root, ConfigDocument config, CheckContext context)
    {
        var pods = config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Pod).SelectMany(r => r.Cidrs).Select(c => c.Masked).ToList();
        var services = config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Service).SelectMany(r => r.Cidrs).Select(c => c.Masked).ToList();
        foreach (var arg in config.Ranges.Where(r => !r.InModel && r.Items.All(i => i.Cidr is not null) && !r.Value.IsDefault && r.Value.Field.StartsWith("extraKube", StringComparison.Ordinal)))
        {
            var expected = arg.Role == RangeRole.Pod ? pods : services;
            var actual = arg.Cidrs.Select(c => c.Masked).ToList();
            if (expected.Count > 0 && !actual.SequenceEqual(expected))
            {
                var want = string.Join(",", expected);
                context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, arg.Value,
                    $"{arg.Value.Field} \"{arg.Value.Text}\" differs from \"{want}\" that generate-cni.sh derives from extraCNIEnv; the argument wins, so components disagree about the {(arg.Role == RangeRole.Pod ? "pod" : "service")} range — remove it or write \"{want}\"");
            }
        }

        // The legacy flannel configuration file carries the IPv4 pod range too.
        if (root.Get("extraConfigFiles").Get("flannel-network-mgr-config") is YamlScalarNode flannel && flannel.Value is { } json
            && Regex.Match(json, "\"Network\"\\s*:\\s*\"(?<cidr>[^\"]+)\"") is { Success: true } match
            && IpParser.TryParseCidrSloppy(match.Groups["cidr"].Value, out var network)
            && pods.FirstOrDefault(p => p.Family == network.Family) is var pod && pod.FamilyPrefixLength > 0 && !pod.Equals(network.Masked))
        {
            var value = new ConfigValue(document, flannel, Name, "extraConfigFiles.flannel-network-mgr-config", match.Groups["cidr"].Value, match.Groups["cidr"].Index);
            context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, value,
                $"flannel \"Network\" \"{network}\" differs from the pod range {pod} of extraCNIEnv; write \"{pod}\"");
        }
    }

    private static void CheckExtraSans(LoadedDocument document, YamlMappingNode root, ConfigDocument config, CheckContext context)
    {
        var primary = config.Ranges.FirstOrDefault(r => r.InModel && r.Role == RangeRole.Service);
        if (primary is null || primary.Value.IsDefault || primary.Items.FirstOrDefault()?.Cidr is not { } cidr)
        {
            return;
        }

        // Network + 1, even for a range too small to hold it (DS3002 reports the size).
        if (!cidr.Network.TryAdd(1, out var first) || first == IpCidr.Parse("10.152.183.0/24").First)
        {
            return;
        }

        var sans = root.Get("extraSANs");
        if (sans.Items().Any(s => IpParser.TryParseSloppy(s.AsString()?.Trim(), out var ip) && ip == first))
        {
            return;
        }

        var message = $"extraSANs does not contain {first}, the first IP of the service range {cidr} (the ClusterIP of the kubernetes Service); the API server certificate only has the built-in 10.152.183.1, so in-cluster clients fail TLS — add \"- {first}\" to extraSANs";
        if (root.GetKey("extraSANs") is { } key)
        {
            context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, document, key, Name, "extraSANs", message);
        }
        else
        {
            context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, primary.Items[0].Value, message);
        }
    }
}
