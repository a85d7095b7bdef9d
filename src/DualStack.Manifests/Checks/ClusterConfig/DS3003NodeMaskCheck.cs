using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3003: the pod range against the node mask that cuts node CIDRs out of it — kubeadm's
/// <c>ValidatePodSubnetNodeMask</c> (both families, difference at most 16), kube-controller-manager's node IPAM
/// (IPv6 difference at most 16) and Cilium's cluster-pool (same cidrset). Defaults: 24/64 (Cilium 24/120).
/// </summary>
public sealed class DS3003NodeMaskCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.PodRangeVsNodeMask];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            foreach (var masks in config.NodeMasks)
            {
                Check(masks, context);
            }
        }
    }

    private static void Check(NodeMaskSetting masks, RunCheckContext context)
    {
        var items = masks.PodRanges.SelectMany(r => r.Items).Where(i => i.Cidr is not null).ToList();
        var dual = items.Select(i => i.Cidr!.Value.Family).Distinct().Count() == 2;
        var flagPrefix = masks.Tool == NodeMaskTool.Kubeadm ? string.Empty : "--";
        foreach (var (bad, flag) in masks.Unparsable)
        {
            var owner = masks.Tool == NodeMaskTool.Cilium ? "the Cilium value" : "the kube-controller-manager flag";
            context.Report(Rules.RuleIds.PodRangeVsNodeMask, bad,
                $"could not parse the value of {owner} {flag}: \"{bad.Text}\" is not an integer");
        }

        if (masks.SingleMask is { } single && dual)
        {
            context.Report(Rules.RuleIds.PodRangeVsNodeMask, single,
                $"usage of {flagPrefix}node-cidr-mask-size is not allowed with dual-stack clusters; use {flagPrefix}node-cidr-mask-size-ipv4 and {flagPrefix}node-cidr-mask-size-ipv6");
        }

        foreach (var item in items)
        {
            var cidr = item.Cidr!.Value;
            var explicitMask = cidr.Family == IpFamily.IPv4 ? masks.IPv4 : masks.IPv6;
            var (mask, source) = masks.EffectiveMask(cidr.Family, dual);
            var maskText = source is null || source.IsDefault ? $"the default node mask /{mask}" : $"node mask /{mask} ({source.Field})";

            var p = cidr.FamilyPrefixLength;
            var problem = NodeMaskSetting.Evaluate(masks.Tool, cidr, mask);
            if (problem == NodeMaskProblem.MaskTooLong)
            {
                context.Report(Rules.RuleIds.PodRangeVsNodeMask, explicitMask?.Value ?? item.Value,
                    $"SubNetMask is invalid: node mask /{mask} is longer than {cidr.Network.BitLength} bits for {cidr.Family}");
            }
            else if (problem == NodeMaskProblem.RangeSmallerThanMask)
            {
                var message = masks.Tool switch
                {
                    NodeMaskTool.Kubeadm => $"the size of pod subnet with mask {p} is smaller than the size of node subnet with mask {mask} (\"{item.Value.Text}\" against {maskText})",
                    NodeMaskTool.Cilium => $"pool \"{item.Value.Text}\" is smaller than {maskText}; Cilium cannot cut node CIDRs out of it",
                    _ => $"Invalid --cluster-cidr, mask size of cluster CIDR must be less than or equal to --node-cidr-mask-size configured for CIDR family (\"{item.Value.Text}\" against {maskText})",
                };
                context.Report(Rules.RuleIds.PodRangeVsNodeMask, item.Value, message);
            }
            else if (problem == NodeMaskProblem.GapTooLarge)
            {
                var message = masks.Tool == NodeMaskTool.Kubeadm
                    ? $"pod subnet mask ({p}) and node-mask ({mask}) difference is greater than 16 (\"{item.Value.Text}\"); use a /{mask - 16} or longer prefix or a larger node mask"
                    : $"New CIDR set failed; the node CIDR size is too big: \"{item.Value.Text}\" and {maskText} are more than 16 bits apart; use a /{mask - 16} or longer prefix";
                context.Report(Rules.RuleIds.PodRangeVsNodeMask, item.Value, message);
            }
            else if (problem == NodeMaskProblem.SingleNode)
            {
                context.Report(Rules.RuleIds.PodRangeVsNodeMask, item.Value,
                    $"pod range \"{item.Value.Text}\" is exactly {maskText}, so only one node gets an {cidr.Family} pod CIDR; use a /{Math.Max(mask - 8, 0)} or larger range (harmless only when the CNI assigns pod addresses itself)",
                    Severity.Warning);
            }
        }
    }
}
