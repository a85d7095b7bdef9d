using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// Cilium Helm values: DS3013 for pool keys at a level the chart does not read (<c>ipam.clusterPoolIPv4PodCIDRList</c>,
/// <c>k8s.…</c>, top level — seen in the wild, silently ignored) and DS3014 for the family switches
/// (<c>ipv4.enabled</c>/<c>ipv6.enabled</c>) against the pool lists.
/// </summary>
public sealed class DS3013DS3014CiliumValuesCheck : IDocumentCheck
{
    private static readonly string[] PoolKeys =
        ["clusterPoolIPv4PodCIDRList", "clusterPoolIPv6PodCIDRList", "clusterPoolIPv4MaskSize", "clusterPoolIPv6MaskSize"];

    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.IgnoredConfigurationKey, Rules.RuleIds.FamilySettingContradictsRanges];

    public void Check(LoadedDocument document, CheckContext context)
    {
        if (!CiliumReader.IsValues(document))
        {
            return;
        }

        var root = document.Root;
        foreach (var (container, path) in new[] { (root, string.Empty), (root.Get("ipam"), "ipam."), (root.Get("k8s"), "k8s."), (root.Get("ipam").Get("operator").Get("operator"), "ipam.operator.operator.") })
        {
            foreach (var key in PoolKeys)
            {
                if (container.GetKey(key) is { } keyNode)
                {
                    context.Report(Rules.RuleIds.IgnoredConfigurationKey, document, keyNode, CiliumReader.ObjectName, path + key,
                        $"{path}{key} is ignored by the Cilium Helm chart; the pool settings live under ipam.operator ({"ipam.operator." + key})");
                }
            }
        }

        var v4 = CiliumReader.Enabled(root, IpFamily.IPv4);
        var v6 = CiliumReader.Enabled(root, IpFamily.IPv6);
        if (!v4 && !v6)
        {
            var at = (YamlNode?)root.Get("ipv4").Get("enabled") ?? root.Get("ipv6").Get("enabled") ?? root;
            context.Report(Rules.RuleIds.FamilySettingContradictsRanges, document, at, CiliumReader.ObjectName, "ipv4.enabled",
                "both ipv4.enabled and ipv6.enabled are false; Cilium needs at least one family");
        }

        var op = root.Get("ipam").Get("operator");
        foreach (var (family, enabled) in new[] { (IpFamily.IPv4, v4), (IpFamily.IPv6, v6) })
        {
            var key = $"clusterPool{family}PodCIDRList";
            if (!enabled && op.GetKey(key) is { } keyNode)
            {
                context.Report(Rules.RuleIds.FamilySettingContradictsRanges, document, keyNode, CiliumReader.ObjectName, "ipam.operator." + key,
                    $"ipam.operator.{key} is set but {family.ToString().ToLowerInvariant()}.enabled is not true; Cilium ignores the list — enable the family or remove it",
                    Severity.Warning);
            }
        }
    }
}
