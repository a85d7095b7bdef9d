using DualStack.Manifests.Cluster;
using DualStack.Manifests.Cluster.Config;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Planning;

/// <summary>
/// The service side of a family: the model's service range, the limit <see cref="RangeLimits"/> gives for its tool
/// and version (what DS3002 checks), and the addresses taken before any Service is created.
/// </summary>
internal static class ServiceSide
{
    private static readonly IpAddress MicroK8sBuiltInSan = IpAddress.Parse("10.152.183.1");

    public static ServicePlan? Plan(ClusterModel model, IpFamily family, bool primary, KubernetesVersion version, IReadOnlyList<PlanRange> extra)
    {
        var service = model.ServiceCidrs.FirstOrDefault(c => c.Cidr.Family == family);
        var extraRanges = extra.Where(r => r.Family == family).ToList();
        if (service is null)
        {
            return null;
        }

        var range = AddressPlanner.Range(service);
        return new ServicePlan(range, Limit(service, version), Taken(model, service, primary), extraRanges);
    }

    private static ServiceSizeLimit Limit(ModelCidr service, KubernetesVersion version)
    {
        var validator = service.Setting.Validator;
        var kubeadm = validator == RangeValidator.Kubeadm;
        var enforced = RangeLimits.ServiceSizeLimited(validator, version);
        var bits = service.Cidr.Network.BitLength;
        var size = service.Cidr.Size;

        // As DS3002: the 8-address minimum is kube-apiserver's on the first entry of a list, kubeadm wants 10 in each.
        var firstOfList = service.Setting.Items.Count > 0 && service.Setting.Items[0].Cidr == service.Cidr;
        var minimum = kubeadm ? RangeLimits.KubeadmMinServiceAddresses : firstOfList ? RangeLimits.MinPrimaryServiceAddresses : 1;
        var tooLarge = enforced && service.Cidr.HostBits > RangeLimits.MaxServiceHostBits;
        var tooSmall = !tooLarge && ((firstOfList && size < RangeLimits.MinPrimaryServiceAddresses) || (kubeadm && size < RangeLimits.KubeadmMinServiceAddresses));
        var by = kubeadm ? "kubeadm" : enforced ? "kube-apiserver up to 1.33" : $"none in {version}";
        return new ServiceSizeLimit(RangeLimits.MaxServiceHostBits, bits - RangeLimits.MaxServiceHostBits, enforced, by, minimum, tooLarge, tooSmall);
    }

    private static List<TakenAddress> Taken(ClusterModel model, ModelCidr service, bool primary)
    {
        var taken = new List<TakenAddress>();
        var cidr = service.Cidr;
        var owner = model.ConfigDocuments.FirstOrDefault(d => d.Ranges.Contains(service.Setting));

        // The kubernetes Service is single-stack in the primary family: network + 1 of the primary range.
        if (primary && cidr.Network.TryAdd(1, out var first))
        {
            var note = "network + 1";
            string? rule = null;
            if (owner?.Format == ConfigFormat.MicroK8sLaunchConfiguration && !service.Source.IsDefault && first != MicroK8sBuiltInSan
                && !owner.Sans.Any(s => s.Ip == first))
            {
                note = "not in the API server certificate: add it to extraSANs";
                rule = Rules.RuleIds.MicroK8sSettingsDisagree;
            }

            taken.Add(new TakenAddress(first, TakenPurpose.KubernetesService, note, cidr.Contains(first), null, rule));
        }

        if (model.DnsIp is { } dns && dns.Ip.Family == cidr.Family)
        {
            var inside = cidr.Contains(dns.Ip);
            taken.Add(new TakenAddress(dns.Ip, TakenPurpose.ClusterDns, inside ? dns.Field : $"{dns.Field}, outside the service range", inside, PlanSource.From(dns.Source), inside ? null : Rules.RuleIds.DnsIpOutsideServiceRange));
        }
        else if (model.DnsIp is null && DerivedDns(owner, primary) is { } who && cidr.Network.TryAdd(10, out var tenth))
        {
            taken.Add(new TakenAddress(tenth, TakenPurpose.ClusterDns, $"{who}: the 10th address", cidr.Contains(tenth), null, null));
        }

        return taken;
    }

    // kubeadm (and kind through it) give kubelet the 10th address of the primary range; k3s the 10th of each range.
    private static string? DerivedDns(ConfigDocument? owner, bool primary) => owner?.Format switch
    {
        ConfigFormat.Kubeadm when primary => "kubeadm",
        ConfigFormat.Kind when primary => "kind/kubeadm",
        ConfigFormat.K3s => owner.ObjectName.StartsWith("RKE2", StringComparison.Ordinal) ? "RKE2" : "k3s",
        _ => null,
    };
}
