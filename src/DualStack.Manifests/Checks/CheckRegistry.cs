namespace DualStack.Manifests.Checks;

/// <summary>
/// The one list of manifest checks every front end runs (the MSBuild task and dslint both go through
/// <see cref="Engine.ManifestLinter"/>). Add a check here when you add its class.
/// </summary>
public static class CheckRegistry
{
    /// <summary>Checks run on each Kubernetes object.</summary>
    public static IReadOnlyList<IObjectCheck> ObjectChecks { get; } =
    [
        new NetworkPolicy.DS2020DS2021IpBlockCheck(),
        new NetworkPolicy.DS2022IPv4OnlyIpBlockCheck(),
        new Endpoints.DS2040EndpointAddressCheck(),
        new ServiceCidr.DS2041ServiceCidrCheck(),
        new NodePod.DS2042NodePodIpCheck(),
        new IpValues.DS2050NonStandardIpCheck(),
        new Services.DS2001DS2002DS2003DS2007DS2008ServiceDualStackFieldsCheck(),
        new Services.DS2004DS2006ServiceAllocationCheck(),
        new Services.DS2005SingleStackServiceCheck(),
        new Services.DS2009ExternalIPsCheck(),
        new Services.DS2010LoadBalancerSourceRangesCheck(),
        new Workloads.DS2030IPv4WildcardListenCheck(),
        new Workloads.DS2031PodSpecIPv4LiteralCheck(),
        new ClusterConfig.DS3010CalicoPoolCheck(),
        new ClusterConfig.DS3014KindClusterCheck(),
        new ClusterConfig.DS3015KubeadmConfigurationCheck(),
    ];

    /// <summary>Checks run on each document (cluster configuration files).</summary>
    public static IReadOnlyList<IDocumentCheck> DocumentChecks { get; } =
    [
        new ClusterConfig.DS3008MicroK8sLaunchConfigurationCheck(),
        new ClusterConfig.DS3009MicroK8sSettingsDisagreeCheck(),
        new ClusterConfig.DS3010MicroK8sCalicoPoolCheck(),
        new ClusterConfig.DS3013MicroK8sIgnoredKeysCheck(),
        new ClusterConfig.CalicoInstallationPools(),
        new ClusterConfig.DS3013DS3014CiliumValuesCheck(),
    ];

    /// <summary>Checks across the objects of a run, through compact summaries of each object.</summary>
    public static IReadOnlyList<ISummaryCheck> SummaryChecks { get; } =
    [
        new Services.DS2011DualStackServiceSelectsIPv4PodsCheck(),
    ];

    /// <summary>Checks run once per run, over the cluster model of all its configuration files.</summary>
    public static IReadOnlyList<IRunCheck> RunChecks { get; } =
    [
        new ClusterConfig.DS3001DS3002DS3011CidrListCheck(),
        new ClusterConfig.DS3003NodeMaskCheck(),
        new ClusterConfig.DS3004OverlapCheck(),
        new ClusterConfig.DS3005FamilyAgreementCheck(),
        new ClusterConfig.DS3006NodeIpCheck(),
        new ClusterConfig.DS3007AdvertiseAddressCheck(),
        new ClusterConfig.DS3012DnsIpCheck(),
    ];
}
