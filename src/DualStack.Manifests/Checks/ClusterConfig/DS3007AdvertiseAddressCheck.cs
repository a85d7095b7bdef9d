using DualStack.Manifests.Kubernetes;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3007: kube-apiserver's rule "service IP family %q must match public address family %q" — the advertise address
/// (kubeadm <c>localAPIEndpoint.advertiseAddress</c>, <c>--advertise-address</c>) against the first service range of the
/// cluster model, which may come from another document (kubeadm Init and Cluster configurations are separate).
/// </summary>
public sealed class DS3007AdvertiseAddressCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.AdvertiseAddressFamily];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        var primary = context.Cluster.ServiceCidrs.FirstOrDefault();
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            if (config.AdvertiseAddress is not { } advertise)
            {
                continue;
            }

            if (advertise.Ip is not { } ip)
            {
                context.Report(Rules.RuleIds.AdvertiseAddressFamily, advertise.Value,
                    $"ip address is not valid: \"{advertise.Value.Text}\"; the advertise address is a single IP");
            }
            else if (primary is not null && ip.Family != primary.Cidr.Family)
            {
                context.Report(Rules.RuleIds.AdvertiseAddressFamily, advertise.Value,
                    $"service IP family \"{primary.Cidr.Family}\" must match public address family \"{ip.Family}\": advertise address {ip} against the first service range {primary.Cidr} ({primary.Source.Describe()}); kube-apiserver will not start");
            }
        }
    }
}
