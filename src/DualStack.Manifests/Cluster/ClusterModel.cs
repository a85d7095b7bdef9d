using DualStack.Rules;

namespace DualStack.Manifests.Cluster;

/// <summary>
/// What the inputs of one run say about the target cluster: families, pod and service ranges, node IPs, DNS IP,
/// and which files said it. Built from every cluster configuration file of the run before any object check, so
/// Kubernetes-object rules use the cluster's real families and service range rather than the configured default.
/// </summary>
public sealed class ClusterModel
{
    public ClusterModel(IpFamilies families)
    {
        Families = families;
    }

    /// <summary>The target families: from cluster config files when they say, else from the options.</summary>
    public IpFamilies Families { get; private set; }

    /// <summary>True when a cluster configuration file of the run defined the families.</summary>
    public bool FamiliesFromConfiguration { get; private set; }

    /// <summary>Records the families a cluster configuration file defines.</summary>
    public void SetFamiliesFromConfiguration(IpFamilies families, string source)
    {
        Families = families;
        FamiliesFromConfiguration = true;
        if (!Sources.Contains(source))
        {
            Sources.Add(source);
        }
    }

    // Service and pod ranges, node IPs and the DNS IP are added with the cluster configuration checks
    // (they need the IP/CIDR library's IpCidr and IpAddress types).

    /// <summary>
    /// The cluster's Service IP ranges (<c>--service-cluster-ip-range</c>), at most one per family, primary first; empty
    /// when no input says. Filled from cluster configuration files; Service checks use it to tell whether a requested
    /// cluster IP can be allocated.
    /// </summary>
    public List<DualStack.Rules.Net.IpCidr> ServiceCidrs { get; } = [];

    /// <summary>The files that contributed to the model, in input order, with what each defined.</summary>
    public List<string> Sources { get; } = [];

    public static ClusterModel FromOptions(LintOptions options) => new(options.IpFamilies);
}
