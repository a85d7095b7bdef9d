using System.Text.RegularExpressions;
using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3009: MicroK8s launch settings that are accepted but disagree: SUPPORT spelling, CIDRs of a disabled family,
/// component arguments or the flannel network against extraCNIEnv, extraSANs without the first service IP.
/// </summary>
public sealed class DS3009MicroK8sSettingsDisagreeCheck : MicroK8sLaunchCheck
{
    public override IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.MicroK8sSettingsDisagree];

    protected override void Check(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        CheckSupportSwitches(document, root, context);
        var config = MicroK8sReader.Read(document);
        CheckArgsAgainstCniEnv(document, root, config, context);
        CheckExtraSans(document, root, config, context);
    }

    private static void CheckSupportSwitches(LoadedDocument document, YamlMappingNode root, CheckContext context)
    {
        if (root.Get("extraCNIEnv") is not YamlMappingNode env)
        {
            return;
        }

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
                continue;
            }

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
                    $"\"{arg.Value.Text}\" differs from \"{want}\" that generate-cni.sh derives from extraCNIEnv; the argument wins, so components disagree about the {(arg.Role == RangeRole.Pod ? "pod" : "service")} range — remove it or write \"{want}\"");
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

        var missing = $"{first}, the first IP of the service range {cidr} (the ClusterIP of the kubernetes Service), is missing from the API server certificate, which only has the built-in 10.152.183.1, so in-cluster clients fail TLS";
        if (root.GetKey("extraSANs") is { } key)
        {
            context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, document, key, Name, "extraSANs", $"{missing}; add \"- {first}\"");
        }
        else
        {
            context.Report(Rules.RuleIds.MicroK8sSettingsDisagree, primary.Items[0].Value, $"{missing}; add `extraSANs: [\"{first}\"]`");
        }
    }
}
