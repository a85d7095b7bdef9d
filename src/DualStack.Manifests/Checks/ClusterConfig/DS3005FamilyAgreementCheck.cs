using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3005: the pod list and the service list of a configuration cover the same families in the same order, and node
/// IPs cover the pod families with the primary service family first. k3s/RKE2 refuse to start on a family mismatch
/// ("must share the same IP version"), so those cases are errors there.
/// </summary>
public sealed class DS3005FamilyAgreementCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.RangeFamiliesDisagree];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            var pod = config.Ranges.FirstOrDefault(r => r.InModel && r.Role == RangeRole.Pod && r.AllowsPair);
            var service = config.Ranges.FirstOrDefault(r => r.InModel && r.Role == RangeRole.Service && r.AllowsPair);
            if (pod is not null && service is not null)
            {
                CheckPair(config, pod, service, context);
            }

            // Component args that override the pod or service list (kubeadm extraArgs, kind kubeadmConfigPatches);
            // MicroK8s args against extraCNIEnv are DS3009.
            if (config.Format != ConfigFormat.MicroK8sLaunchConfiguration)
            {
                foreach (var overriding in config.Ranges.Where(r => !r.InModel && r.Role is RangeRole.Pod or RangeRole.Service))
                {
                    var defined = overriding.Role == RangeRole.Pod ? pod : service;
                    if (defined is not null)
                    {
                        CheckOverride(overriding, defined, context);
                    }
                }
            }

            foreach (var nodeIp in config.NodeIps)
            {
                CheckNodeIps(config, nodeIp, context);
            }
        }
    }

    private static void CheckPair(ConfigDocument config, CidrListSetting pod, CidrListSetting service, RunCheckContext context)
    {
        var podFamilies = pod.Families.Distinct().ToList();
        var serviceFamilies = service.Families.Distinct().ToList();
        if (podFamilies.Count == 0 || serviceFamilies.Count == 0 || podFamilies.SequenceEqual(serviceFamilies))
        {
            return;
        }

        var at = !pod.Value.IsDefault ? pod.Value : service.Value;
        if (at.IsDefault)
        {
            return;
        }

        // The finding's own value is quoted alone; the other one is named (the finding prints its own field).
        string Named(CidrListSetting range) => range.Value == at ? $"\"{range.Value.Text}\"" : $"{range.Value.Field} \"{range.Value.Text}\"";
        var k3s = config.Format == ConfigFormat.K3s;
        var sameSet = podFamilies.OrderBy(f => f).SequenceEqual(serviceFamilies.OrderBy(f => f));
        if (!sameSet)
        {
            var message = k3s
                ? $"cluster-cidr: {pod.Value.Text} and service-cidr: {service.Value.Text}, must share the same IP version (IPv4, IPv6 or dual-stack)"
                : $"pod ranges are {ConfigReport.Families(podFamilies)} but service ranges are {ConfigReport.Families(serviceFamilies)} (pods {Named(pod)}, services {Named(service)}); list one range per family in both";
            context.Report(Rules.RuleIds.RangeFamiliesDisagree, at, message, k3s ? Severity.Error : null);
        }
        else
        {
            context.Report(Rules.RuleIds.RangeFamiliesDisagree, at,
                $"pod ranges list {podFamilies[0]} first but service ranges list {serviceFamilies[0]} first (pods {Named(pod)}, services {Named(service)}); put the primary family first in both");
        }
    }

    private static void CheckOverride(CidrListSetting overriding, CidrListSetting defined, RunCheckContext context)
    {
        var own = overriding.Families.Distinct().ToList();
        var expected = defined.Families.Distinct().ToList();
        if (own.Count == 0 || expected.Count == 0 || own.SequenceEqual(expected))
        {
            return;
        }

        var what = overriding.Role == RangeRole.Pod ? "node pod CIDRs" : "Service IPs";
        context.Report(Rules.RuleIds.RangeFamiliesDisagree, overriding.Value,
            $"\"{overriding.Value.Text}\" is {ConfigReport.Families(own)} but {defined.Value.Field} is {ConfigReport.Families(expected)} (\"{defined.Value.Text}\"); the component uses the argument, so it allocates {what} of {ConfigReport.Families(own)} only");
    }

    private static void CheckNodeIps(ConfigDocument config, NodeIpSetting nodeIp, RunCheckContext context)
    {
        var ipFamilies = nodeIp.Items.Where(i => i.Ip is not null).Select(i => i.Ip!.Value.Family).Distinct().ToList();
        if (ipFamilies.Count == 0 || nodeIp.Items.Count > 2)
        {
            return;
        }

        var model = context.Cluster;
        var podFamilies = model.PodCidrs.Select(c => c.Cidr.Family).Distinct().ToList();
        var serviceFamilies = model.ServiceCidrs.Select(c => c.Cidr.Family).Distinct().ToList();
        var clusterFamilies = podFamilies.Count > 0 ? podFamilies : serviceFamilies;
        if (clusterFamilies.Count == 0)
        {
            return;
        }

        if (!clusterFamilies.OrderBy(f => f).SequenceEqual(ipFamilies.OrderBy(f => f)))
        {
            var k3s = config.Format == ConfigFormat.K3s;
            var podText = string.Join(",", model.PodCidrs.Select(c => c.Cidr.ToString()));
            var message = k3s && podFamilies.Count > 0
                ? $"cluster-cidr: {podText} and node-ip: {nodeIp.Value.Text}, must share the same IP version (IPv4, IPv6 or dual-stack)"
                : $"node IPs \"{nodeIp.Value.Text}\" are {ConfigReport.Families(ipFamilies)} but the cluster's ranges are {ConfigReport.Families(clusterFamilies)}; give one node IP per family so host-network pods and node addresses are dual-stack";
            context.Report(Rules.RuleIds.RangeFamiliesDisagree, nodeIp.Value, message, k3s ? Severity.Error : null);
        }
        else if (serviceFamilies.Count > 0 && ipFamilies.Count == 2 && ipFamilies[0] != serviceFamilies[0])
        {
            context.Report(Rules.RuleIds.RangeFamiliesDisagree, nodeIp.Value,
                $"node IPs \"{nodeIp.Value.Text}\" list {ipFamilies[0]} first but the primary service family is {serviceFamilies[0]}; list the node IP of the primary family first");
        }
    }
}
