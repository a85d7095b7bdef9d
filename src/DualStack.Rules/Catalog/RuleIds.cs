namespace DualStack.Rules;

/// <summary>
/// Every rule ID in one place. Ranges: DS0xxx input, DS1xxx C#, DS2xxx Kubernetes objects,
/// DS3xxx cluster network configuration. An ID is never reused; a new rule takes the next free number of its range.
/// </summary>
public static class RuleIds
{
    // DS0xxx: input
    public const string YamlSyntaxError = "DS0001";
    public const string UnreadableInput = "DS0002";
    public const string TemplateSkipped = "DS0003";
    public const string MalformedSuppression = "DS0004";
    public const string UnusedSuppression = "DS0005";

    // DS1xxx: C#
    public const string IPv4WildcardBind = "DS1001";
    public const string IPv4DefaultConstructor = "DS1002";
    public const string ExplicitIPv4Socket = "DS1003";
    public const string IPv4OnlyAddressApi = "DS1004";
    public const string UnguardedMapToIPv4 = "DS1005";
    public const string FourByteAddressAssumption = "DS1006";
    public const string LoopbackComparisonMissesIPv6 = "DS1007";
    public const string HardCodedIPv4Literal = "DS1008";
    public const string IPv4OnlyAddressFiltering = "DS1009";
    public const string IPv4WildcardListenUrl = "DS1010";
    public const string FirstDnsAnswerUsed = "DS1011";
    public const string HostPortWithoutBrackets = "DS1012";
    public const string HostPortSplitOnFirstColon = "DS1013";
    public const string IPv4OnlyValidation = "DS1014";
    public const string IPv6WithoutFallback = "DS1015";
    public const string HttpListenerWildcardPrefix = "DS1016";

    // DS2xxx: Kubernetes objects
    public const string InvalidIpFamilyPolicy = "DS2001";
    public const string InvalidIpFamilies = "DS2002";
    public const string InconsistentClusterIPs = "DS2003";
    public const string DualStackFieldsOnSingleStackPolicy = "DS2004";
    public const string SingleStackServiceOnDualStackCluster = "DS2005";
    public const string FamilyNotAvailableOnCluster = "DS2006";
    public const string ExternalNameWithIpFields = "DS2007";
    public const string HeadlessWithNodePortOrLoadBalancer = "DS2008";
    public const string InvalidExternalIP = "DS2009";
    public const string LoadBalancerSourceRanges = "DS2010";
    public const string DualStackServiceWithIPv4OnlyPods = "DS2011";
    public const string InvalidIpBlock = "DS2020";
    public const string IpBlockExceptNotSubset = "DS2021";
    public const string NetworkPolicyCoversOnlyIPv4 = "DS2022";
    public const string WorkloadListensOnIPv4Wildcard = "DS2030";
    public const string IPv4LiteralInPodSpec = "DS2031";
    public const string EndpointAddressFamily = "DS2040";
    public const string InvalidServiceCIDR = "DS2041";
    public const string InvalidNodeOrPodIPs = "DS2042";
    public const string NonStandardIpOrCidr = "DS2050";

    // DS3xxx: cluster network configuration (added with the cluster configuration checks)
    public const string MalformedCidrList = "DS3001";
    public const string RangeSize = "DS3002";
    public const string PodRangeVsNodeMask = "DS3003";
    public const string OverlappingRanges = "DS3004";
    public const string RangeFamiliesDisagree = "DS3005";
    public const string InvalidNodeIp = "DS3006";
    public const string AdvertiseAddressFamily = "DS3007";
    public const string InvalidMicroK8sLaunchConfiguration = "DS3008";
    public const string MicroK8sSettingsDisagree = "DS3009";
    public const string InvalidCalicoPool = "DS3010";
    public const string SpecialPurposeRange = "DS3011";
    public const string DnsIpOutsideServiceRange = "DS3012";
    public const string IgnoredConfigurationKey = "DS3013";
    public const string FamilySettingContradictsRanges = "DS3014";
    public const string KubeadmConfigurationShape = "DS3015";
}
