using DualStack.Manifests.Kubernetes;
using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.NetworkPolicy;

/// <summary>
/// DS2022 (beyond the API server): a rule whose ipBlock peers are all IPv4 on a target with IPv6. ipBlocks match by
/// family, so IPv6 traffic to or from those ranges is not allowed by the rule: on a dual-stack cluster IPv6 clients of
/// the same hosts are blocked, on an IPv6-only cluster the block matches nothing at all. The rule stays silent when
/// the same peer list has an IPv6 ipBlock (the author thought of IPv6), when the target is IPv4-only, and for IPv6-only
/// ipBlocks on an IPv4-only target (they match nothing there but block nothing IPv4 needs, and they are what a
/// manifest shared with dual-stack clusters should carry).
/// </summary>
public sealed class DS2022IPv4OnlyIpBlockCheck : IObjectCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.NetworkPolicyCoversOnlyIPv4];

    public void Check(KubeObject obj, CheckContext context)
    {
        var families = context.Options.IpFamilies;
        if (!obj.Is("networking.k8s.io", "NetworkPolicy") || !families.Contains(IpFamily.IPv6))
        {
            return;
        }

        foreach (var group in NetworkPolicyPeers.Of(obj.Root).GroupBy(p => p.PeersPath))
        {
            var blocks = new List<(YamlScalarNode Node, string Path, IpCidr Cidr)>();
            var hasIPv6 = false;
            foreach (var (_, ipBlock, peerPath, _) in group)
            {
                if (ipBlock.GetScalar("cidr") is { } node && IpParser.TryParseCidrSloppy(node.AsString(), out var cidr))
                {
                    hasIPv6 |= cidr.Family == IpFamily.IPv6;
                    blocks.Add((node, peerPath + ".ipBlock.cidr", cidr));
                }
            }

            if (hasIPv6)
            {
                continue;
            }

            foreach (var (node, path, cidr) in blocks)
            {
                context.Report(Rules.RuleIds.NetworkPolicyCoversOnlyIPv4, obj, node, path, Message(group.Key, node.Value!, cidr, families));
            }
        }
    }

    private static string Message(string peersPath, string value, IpCidr cidr, IpFamilies families)
    {
        var counterpart = cidr.FamilyPrefixLength == 0
            ? "Add a peer with ipBlock cidr \"::/0\""
            : "Add an ipBlock peer with the IPv6 range of the same hosts";
        var direction = peersPath.EndsWith(".from", StringComparison.Ordinal) ? "from" : "to";
        var effect = families.IsDualStack
            ? $"so IPv6 traffic {direction} these hosts is not allowed on the dual-stack target"
            : "so it matches no traffic at all on the IPv6-only target";
        // The finding's field already names the ipBlock; the message says what is wrong, then what to do.
        return $"ipBlock \"{value}\" is IPv4 and {peersPath} has no IPv6 ipBlock, {effect}. {counterpart}";
    }
}
