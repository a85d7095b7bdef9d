namespace DualStack.Rules;

public static partial class RuleCatalog
{
    // Rules the API server enforces are errors; rules that go beyond it (the object is accepted but breaks IPv6) warn.
    // DS2010 and DS2050 report some cases at another severity; the check says which.
    private static IEnumerable<RuleDescriptor> KubernetesRules() =>
    [
        Kubernetes(RuleIds.InvalidIpFamilyPolicy, "Invalid ipFamilyPolicy", Severity.Error, hasFix: true,
            "spec.ipFamilyPolicy must be exactly SingleStack, PreferDualStack or RequireDualStack; the API server rejects anything else."),
        Kubernetes(RuleIds.InvalidIpFamilies, "Invalid ipFamilies", Severity.Error, hasFix: true,
            "spec.ipFamilies holds at most one IPv4 and one IPv6 entry, spelled exactly IPv4 and IPv6; the removed alpha field spec.ipFamily is not read."),
        Kubernetes(RuleIds.InconsistentClusterIPs, "clusterIP and clusterIPs inconsistent", Severity.Error, hasFix: false,
            "clusterIP and clusterIPs must agree, hold at most one IP per family that matches ipFamilies, and use None only alone."),
        Kubernetes(RuleIds.DualStackFieldsOnSingleStackPolicy, "Two families on a single-stack policy", Severity.Error, hasFix: true,
            "Two cluster IPs or two IP families are rejected when ipFamilyPolicy is SingleStack or omitted."),
        Kubernetes(RuleIds.SingleStackServiceOnDualStackCluster, "Single-stack Service on a dual-stack cluster", Severity.Warning, hasFix: true,
            "A Service without ipFamilyPolicy is single-stack, so clients of the other family cannot reach it on a dual-stack cluster."),
        Kubernetes(RuleIds.FamilyNotAvailableOnCluster, "IP family not available on the target cluster", Severity.Error, hasFix: false,
            "The Service asks for a family, dual-stack or a cluster IP that the target cluster does not provide, so allocation fails."),
        Kubernetes(RuleIds.ExternalNameWithIpFields, "ExternalName Service with IP-family fields", Severity.Error, hasFix: false,
            "ExternalName Services have no cluster IPs; clusterIPs, ipFamilies and ipFamilyPolicy are rejected on them."),
        Kubernetes(RuleIds.HeadlessWithNodePortOrLoadBalancer, "Headless Service of type NodePort or LoadBalancer", Severity.Error, hasFix: false,
            "clusterIP None cannot be combined with type NodePort or LoadBalancer."),
        Kubernetes(RuleIds.InvalidExternalIP, "Invalid externalIPs entry", Severity.Error, hasFix: false,
            "spec.externalIPs entries must be valid IPs that are not unspecified, loopback, link-local or link-local multicast; a Service's load balancer status must hold valid IPs and DNS names."),
        Kubernetes(RuleIds.LoadBalancerSourceRanges, "loadBalancerSourceRanges problem", Severity.Error, hasFix: false,
            "Source ranges must be valid CIDRs on a LoadBalancer Service; IPv4-only ranges on a dual-stack LoadBalancer leave its IPv6 clients blocked or unfiltered."),
        Kubernetes(RuleIds.DualStackServiceWithIPv4OnlyPods, "Dual-stack Service selects IPv4-only pods", Severity.Warning, hasFix: false,
            "A dual-stack Service forwards IPv6 traffic to its pods; pods that listen on 0.0.0.0 refuse it."),
        Kubernetes(RuleIds.InvalidIpBlock, "Invalid NetworkPolicy ipBlock", Severity.Error, hasFix: false,
            "ipBlock.cidr is required and must be a valid CIDR, and an ipBlock peer cannot also carry a selector."),
        Kubernetes(RuleIds.IpBlockExceptNotSubset, "ipBlock except not a strict subset of cidr", Severity.Error, hasFix: false,
            "Every except entry must lie strictly inside cidr and be of the same family."),
        Kubernetes(RuleIds.NetworkPolicyCoversOnlyIPv4, "NetworkPolicy covers only IPv4", Severity.Warning, hasFix: false,
            "A policy that allows 0.0.0.0/0 or other IPv4 ranges without IPv6 counterparts blocks IPv6 traffic on a dual-stack cluster."),
        Kubernetes(RuleIds.WorkloadListensOnIPv4Wildcard, "Workload listens on the IPv4 wildcard", Severity.Warning, hasFix: true,
            "A container told to listen on 0.0.0.0 accepts IPv4 only, so IPv6 traffic and IPv6 probes fail."),
        Kubernetes(RuleIds.IPv4LiteralInPodSpec, "IPv4 literal in a probe or hostAliases", Severity.Warning, hasFix: false,
            "A probe host or host alias set to an IPv4 literal (other than loopback) cannot work on an IPv6-only cluster; an unparseable host alias IP is rejected."),
        Kubernetes(RuleIds.EndpointAddressFamily, "Endpoint address family or special address", Severity.Error, hasFix: false,
            "EndpointSlice addresses must match addressType, and endpoint IPs may not be unspecified, loopback or link-local."),
        Kubernetes(RuleIds.InvalidServiceCIDR, "Invalid ServiceCIDR or IPAddress", Severity.Error, hasFix: true,
            "ServiceCIDR spec.cidrs must be canonical CIDRs, at most two, one per family; IPAddress names must be canonical IPs."),
        Kubernetes(RuleIds.InvalidNodeOrPodIPs, "Invalid Node podCIDRs or Pod IPs", Severity.Error, hasFix: false,
            "Node podCIDRs and Pod podIPs/hostIPs hold valid values, at most two, one per family; an Ingress's load balancer status holds valid IPs."),
        Kubernetes(RuleIds.NonStandardIpOrCidr, "Non-standard IP or CIDR", Severity.Error, hasFix: true,
            "Leading zeros, IPv4-mapped IPv6 addresses and bits beyond the prefix are rejected from Kubernetes 1.36 and warned about before."),
    ];
}
