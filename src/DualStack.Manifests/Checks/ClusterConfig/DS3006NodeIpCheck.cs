using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3006: kubelet <c>--node-ip</c> rules (<c>ParseNodeIPArgument</c>: one IP or a dual-stack pair, no 0.0.0.0/:: in a
/// pair, unparsable items dropped), link-local node IPs, and the same node IP given to two nodes of the run.
/// </summary>
public sealed class DS3006NodeIpCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.InvalidNodeIp];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        var seen = new List<IpSetting>();
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            foreach (var nodeIp in config.NodeIps)
            {
                CheckOne(nodeIp, context);
                foreach (var item in nodeIp.Items.Where(i => i.Ip is not null && !i.Ip.Value.IsUnspecified))
                {
                    var other = seen.FirstOrDefault(s => s.Ip!.Value.Equals(item.Ip!.Value) && s.Value.Document != item.Value.Document);
                    if (other is not null)
                    {
                        context.Report(Rules.RuleIds.InvalidNodeIp, item.Value,
                            $"node IP {item.Ip} is also the node IP of another node ({other.Value.Describe()}); each node needs its own address", Severity.Warning);
                    }
                }

                seen.AddRange(nodeIp.Items.Where(i => i.Ip is not null));
            }
        }
    }

    private static void CheckOne(NodeIpSetting nodeIp, RunCheckContext context)
    {
        var whole = nodeIp.Value;
        var valid = nodeIp.Items.Where(i => i.Ip is not null).ToList();
        foreach (var bad in nodeIp.Items.Where(i => i.Ip is null))
        {
            context.Report(Rules.RuleIds.InvalidNodeIp, bad.Value,
                $"\"{bad.Value.Text}\" in --node-ip is not an IP address; kubelet drops it and the node loses that family", Severity.Warning);
        }

        // The pair rules are kubelet's ParseNodeIPArgument, as DualStackList.ParseNodeIps implements them.
        foreach (var problem in nodeIp.List.Problems)
        {
            var at = nodeIp.Items[problem.Index].Value;
            if (problem.Kind == DualStackListProblemKind.UnspecifiedInPair)
            {
                context.Report(Rules.RuleIds.InvalidNodeIp, at, $"dual-stack --node-ip \"{whole.Text}\" cannot include '0.0.0.0' or '::'");
            }
            else
            {
                context.Report(Rules.RuleIds.InvalidNodeIp, at,
                    $"bad --node-ip \"{whole.Text}\"; must contain either a single IP or a dual-stack pair of IPs");
                return;
            }
        }

        foreach (var item in valid.Where(i => i.Ip!.Value.IsLinkLocalUnicast))
        {
            context.Report(Rules.RuleIds.InvalidNodeIp, item.Value,
                $"node IP {item.Ip} is link-local; other nodes cannot reach it and Kubernetes rejects link-local endpoint addresses; use the node's global or unique local {item.Ip!.Value.Family} address",
                Severity.Warning);
        }
    }
}
