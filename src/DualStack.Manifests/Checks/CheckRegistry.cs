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
        new Services.ServiceDualStackFieldsCheck(),
        new Services.ServiceAllocationCheck(),
        new Services.SingleStackServiceCheck(),
        new Services.ExternalIPsCheck(),
        new Services.LoadBalancerSourceRangesCheck(),
        new Workloads.IPv4WildcardListenCheck(),
        new Workloads.PodSpecIPv4LiteralCheck(),
        new ClusterConfig.CalicoPoolCheck(),
        new ClusterConfig.KindClusterCheck(),
        new ClusterConfig.KubeadmConfigurationCheck(),
    ];

    /// <summary>Checks run on each document (cluster configuration files).</summary>
    public static IReadOnlyList<IDocumentCheck> DocumentChecks { get; } =
    [
        new ClusterConfig.MicroK8sLaunchConfigurationCheck(),
        new ClusterConfig.CalicoInstallationPools(),
        new ClusterConfig.CiliumValuesCheck(),
    ];

    /// <summary>Checks run once over all objects of a run.</summary>
    public static IReadOnlyList<IRunCheck> RunChecks { get; } =
    [
        new Services.DualStackServiceSelectsIPv4PodsCheck(),
        new ClusterConfig.CidrListCheck(),
        new ClusterConfig.NodeMaskCheck(),
        new ClusterConfig.OverlapCheck(),
        new ClusterConfig.FamilyAgreementCheck(),
        new ClusterConfig.NodeIpCheck(),
        new ClusterConfig.AdvertiseAddressCheck(),
        new ClusterConfig.DnsIpCheck(),
    ];
}
