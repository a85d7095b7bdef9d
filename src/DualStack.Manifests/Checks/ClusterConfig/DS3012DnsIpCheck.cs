using DualStack.Manifests.Cluster.Config;
using DualStack.Manifests.Kubernetes;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.ClusterConfig;

/// <summary>
/// DS3012: the DNS IP kubelet hands to pods (MicroK8s <c>extraKubeletArgs.--cluster-dns</c>, k3s <c>cluster-dns</c>)
/// must lie in a service range of its family — the document's own ranges, else the cluster model's.
/// </summary>
public sealed class DS3012DnsIpCheck : IRunCheck
{
    public IReadOnlyList<string> RuleIds { get; } = [Rules.RuleIds.DnsIpOutsideServiceRange];

    public void Check(IReadOnlyList<KubeObject> objects, RunCheckContext context)
    {
        foreach (var config in context.Cluster.ConfigDocuments)
        {
            if (config.DnsIp is not { } dns)
            {
                continue;
            }

            if (dns.Ip is not { } ip)
            {
                context.Report(Rules.RuleIds.DnsIpOutsideServiceRange, dns.Value,
                    $"cluster DNS \"{dns.Value.Text}\" is not an IP address; kubelet needs the ClusterIP of the DNS Service", Severity.Error);
                continue;
            }

            var own = config.Ranges.Where(r => r.InModel && r.Role == RangeRole.Service).SelectMany(r => r.Cidrs).ToList();
            var ranges = own.Count > 0 ? own : context.Cluster.ServiceCidrs.Select(c => c.Cidr).ToList();
            if (ranges.Count == 0 || ranges.Any(r => r.Contains(ip)))
            {
                continue;
            }

            var sameFamily = ranges.Where(r => r.Family == ip.Family).ToList();
            var message = sameFamily.Count == 0
                ? $"cluster DNS IP {ip} is {ip.Family} but the service ranges ({string.Join(",", ranges)}) have no {ip.Family} range; pods get a resolver no Service answers"
                : $"cluster DNS IP {ip} is outside the service range {sameFamily[0]}; pods get a resolver no Service answers — use an address inside it{Tenth(sameFamily[0])}";
            context.Report(Rules.RuleIds.DnsIpOutsideServiceRange, dns.Value, message);
        }
    }

    // Network + 10, even for a range too small to hold it (DS3002 reports the size); nothing past the end of the address space.
    private static string Tenth(IpCidr range) =>
        range.Network.TryAdd(10, out var tenth) ? $" (kubeadm uses the 10th: {tenth})" : string.Empty;
}
