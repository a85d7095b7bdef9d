using DualStack.Manifests.Cluster.Config;
using DualStack.Rules;

namespace DualStack.Manifests.Cluster;

/// <summary>
/// Size limits of cluster ranges that the Kubernetes components and kubeadm enforce (kubernetes-validation §5,
/// cluster-config §0, §3). DS3002 reports them; <c>dslint plan</c> prints them. One place, so both say the same.
/// </summary>
public static class RangeLimits
{
    /// <summary>The legacy service IP allocator's bitmap: at most 20 host bits (IPv4 ≥ /12, IPv6 ≥ /108).</summary>
    public const int MaxServiceHostBits = 20;

    /// <summary>kube-apiserver: "the service cluster IP range must be at least 8 IP addresses" (primary range).</summary>
    public const int MinPrimaryServiceAddresses = 8;

    /// <summary>kubeadm's MinimumAddressesInServiceSubnet (the 10th address is the DNS ClusterIP).</summary>
    public const int KubeadmMinServiceAddresses = 10;

    /// <summary>kubeadm's MinimumAddressesInPodSubnet.</summary>
    public const int KubeadmMinPodAddresses = 14;

    /// <summary>
    /// True when a service range read by <paramref name="validator"/> is limited to <see cref="MaxServiceHostBits"/>
    /// host bits at <paramref name="version"/>: always for kubeadm (and kind), for kube-apiserver up to 1.33.
    /// </summary>
    public static bool ServiceSizeLimited(RangeValidator validator, KubernetesVersion version) =>
        validator == RangeValidator.Kubeadm || version < KubernetesVersion.NoServiceRangeSizeLimit;
}
