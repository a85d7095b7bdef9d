namespace DualStack.Rules;

public static partial class RuleCatalog
{
    // DS3xxx: one ID per distinct mistake in cluster network configuration files. What the tool itself rejects is an
    // error; what it accepts but breaks IPv6 or dual-stack warns; advice is info. Checks report some cases of a rule
    // at another severity (host bits in DS3001, the one-node case in DS3003, link-local in DS3011); the page says which.
    private static IEnumerable<RuleDescriptor> ClusterConfigurationRules() =>
    [
        Cluster(RuleIds.MalformedCidrList, "Malformed CIDR list", Severity.Error, hasFix: false,
            "A pod, service or pool CIDR list must parse: comma-separated without spaces, at most two entries, one per family, each of the family its key expects."),
        Cluster(RuleIds.RangeSize, "Range too large or too small", Severity.Error, hasFix: false,
            "Service ranges are limited to 20 host bits up to Kubernetes 1.33 (always by kubeadm) and need at least 8 addresses; kubeadm also needs 10 service and 14 pod addresses."),
        Cluster(RuleIds.PodRangeVsNodeMask, "Pod range does not fit the node mask", Severity.Error, hasFix: false,
            "Node CIDRs are cut out of the pod range: its prefix must not be longer than the node mask and, for IPv6 (kubeadm: both families), at most 16 bits shorter."),
        Cluster(RuleIds.OverlappingRanges, "Overlapping ranges", Severity.Warning, hasFix: false,
            "Pod, service and pool ranges must not overlap each other or Docker's default bridge 172.17.0.0/16; overlapping addresses are routed to the wrong place."),
        Cluster(RuleIds.RangeFamiliesDisagree, "Range families or order disagree", Severity.Warning, hasFix: false,
            "Pod ranges, service ranges and node IPs must cover the same IP families, primary family first."),
        Cluster(RuleIds.InvalidNodeIp, "Node IP problem", Severity.Error, hasFix: false,
            "A node IP is one IP or a dual-stack pair without 0.0.0.0 or ::, reachable (not link-local), and not shared with another node."),
        Cluster(RuleIds.AdvertiseAddressFamily, "Advertise address family differs from the primary service family", Severity.Error, hasFix: false,
            "kube-apiserver refuses to start when the family of its advertise address differs from the family of the first service range."),
        Cluster(RuleIds.InvalidMicroK8sLaunchConfiguration, "Invalid MicroK8s launch configuration", Severity.Error, hasFix: false,
            "The launch configuration must have a version from 0.1.0 to 0.2.0, the CNI calico, at least one enabled family with both its CIDRs, and the schema's types."),
        Cluster(RuleIds.MicroK8sSettingsDisagree, "MicroK8s settings disagree", Severity.Warning, hasFix: false,
            "extraCNIEnv, component arguments and extraSANs must tell the same story: SUPPORT flags exactly true or false, no CIDRs for a disabled family, args matching the CNI ranges, the first service IP in extraSANs."),
        Cluster(RuleIds.InvalidCalicoPool, "Invalid Calico IP pool", Severity.Error, hasFix: false,
            "Calico pools must be strictly masked, have a block size in range and no larger than the pool, no IPIP on IPv6, not IPIP and VXLAN together, and lie inside the pod range."),
        Cluster(RuleIds.SpecialPurposeRange, "Special-purpose range used as a cluster range", Severity.Info, hasFix: false,
            "Documentation, link-local, deprecated site-local and fc00::/8 ranges are not meant for real pod, service or pool addresses."),
        Cluster(RuleIds.DnsIpOutsideServiceRange, "Cluster DNS IP outside the service range", Severity.Warning, hasFix: false,
            "The DNS IP kubelet gives pods must be a ClusterIP inside the service range, or pods get a resolver that no Service answers."),
        Cluster(RuleIds.IgnoredConfigurationKey, "Configuration key ignored", Severity.Warning, hasFix: false,
            "A misspelt or misplaced key (MicroK8s extraCniEnv, Cilium pool lists outside ipam.operator) is silently ignored, so the intended setting never applies."),
        Cluster(RuleIds.FamilySettingContradictsRanges, "IP family setting contradicts the ranges", Severity.Error, hasFix: false,
            "A family switch (kind ipFamily, Cilium ipv4/ipv6.enabled) must agree with the ranges given: one CIDR per enabled family, none for a disabled one."),
        Cluster(RuleIds.KubeadmConfigurationShape, "kubeadm configuration version or shape problem", Severity.Error, hasFix: false,
            "kubeadm decodes extraArgs as a map in v1beta3 and as a name/value list in v1beta4, rejects API versions before v1beta3 and deprecates v1beta3."),
    ];
}
