using DualStack.Manifests.Cluster;
using DualStack.Rules;
using DualStack.Rules.Net;

namespace DualStack.Manifests.Checks.Services;

/// <summary>What the API server's allocator makes of a Service on the target cluster.</summary>
/// <param name="Problems">DS2004 / DS2006 problems; when any, the Service is rejected and the families are unknown.</param>
/// <param name="Policy">The policy after defaulting (step 2).</param>
/// <param name="PolicyDefaulted">True when the policy was omitted and defaulted.</param>
/// <param name="Families">The Service's families after allocation, primary first; empty when rejected.</param>
internal sealed record AllocationResult(IReadOnlyList<ServiceProblem> Problems, string Policy, bool PolicyDefaulted, IReadOnlyList<IpFamily> Families)
{
    public bool Accepted => Problems.Count == 0;

    public bool IsDualStack => Accepted && Families.Count == 2;

    public bool ServesIPv6 => Accepted && Families.Contains(IpFamily.IPv6);
}

/// <summary>
/// The allocation stage on create (<c>alloc.go</c> <c>initIPFamilyFields</c> and <c>allocClusterIPs</c>, spec §3),
/// against the target cluster's families and, when the cluster model knows them, its service ranges.
/// Only runs on a Service whose dual-stack fields pass validation (the allocator re-runs that validation first).
/// </summary>
internal static class ServiceAllocation
{
    private const string PolicyPath = "spec.ipFamilyPolicy";

    /// <summary>Null for ExternalName Services and for Services whose fields fail validation (those are DS2001–DS2003).</summary>
    public static AllocationResult? Evaluate(ServiceSpec service, IpFamilies cluster, ClusterModel? model)
    {
        if (!ServiceFieldValidation.RelatedFieldsAreValid(service))
        {
            return null;
        }

        var problems = new List<ServiceProblem>();
        var headlessSelectorless = service.ClusterIP == ServiceSpec.None && !service.HasSelector;

        // Step 2: the default policy; headless Services without a selector are the one case that defaults to dual-stack.
        var defaulted = service.Policy is null;
        var policy = service.Policy ?? (headlessSelectorless ? "RequireDualStack" : "SingleStack");

        // Step 5: SingleStack cannot carry two of anything.
        if (policy == "SingleStack")
        {
            if (service.ClusterIPs.Count == 2)
            {
                problems.Add(SingleStackWithTwo(service, defaulted, "cluster IPs", service.ClusterIPsFieldNode!));
            }

            if (service.IpFamilies.Count == 2)
            {
                problems.Add(SingleStackWithTwo(service, defaulted, "IP families", service.IpFamiliesNode!));
            }
        }

        // Step 6: a family inferred from a cluster IP must be configured.
        var families = service.IpFamilies.Select(f => f.Value == "IPv4" ? IpFamily.IPv4 : IpFamily.IPv6).ToList();
        foreach (var ip in service.ClusterIPs)
        {
            if (ip.Value == ServiceSpec.None || !IpParser.TryParseSloppy(ip.Value, out var address))
            {
                break;
            }

            if (ip.Index >= families.Count)
            {
                if (!cluster.Contains(address.Family))
                {
                    var path = $"spec.clusterIPs[{ip.Index}]";
                    problems.Add(new(RuleIds.FamilyNotAvailableOnCluster, ip.Node, path,
                        ApiError.Invalid(service.ClusterIPValues, $"{address.Family} is not configured on this cluster") + TargetNote(cluster)));
                }
                else
                {
                    families.Add(address.Family);
                }
            }
        }

        if (problems.Count > 0)
        {
            return Rejected(problems, policy, defaulted);
        }

        // Step 7: headless + selectorless takes the families it asks for, even on a single-stack cluster.
        if (headlessSelectorless)
        {
            if (families.Count == 0)
            {
                families.Add(cluster.Primary);
            }

            if (policy != "SingleStack" && families.Count == 1)
            {
                families.Add(Other(families[0]));
            }

            return new AllocationResult([], policy, defaulted, families);
        }

        // Step 8: RequireDualStack needs a dual-stack cluster.
        if (policy == "RequireDualStack" && !cluster.IsDualStack && service.PolicyNode is { } policyNode)
        {
            problems.Add(new(RuleIds.FamilyNotAvailableOnCluster, policyNode, PolicyPath,
                ApiError.Invalid(policy, "this cluster is not configured for dual-stack services") + TargetNote(cluster) +
                "; use PreferDualStack to get dual-stack where the cluster offers it"));
        }

        // Step 9: every requested family must be configured (PreferDualStack included).
        foreach (var family in service.IpFamilies)
        {
            if (!cluster.Contains(family.Value == "IPv4" ? IpFamily.IPv4 : IpFamily.IPv6))
            {
                var path = $"spec.ipFamilies[{family.Index}]";
                problems.Add(new(RuleIds.FamilyNotAvailableOnCluster, family.Node, path,
                    ApiError.Invalid(family.Value, "not configured on this cluster") + TargetNote(cluster)));
            }
        }

        // Step 11 (the part a linter can know): a requested cluster IP must lie in the service range of its family.
        if (problems.Count == 0 && model is not null)
        {
            OutsideServiceRange(service, model, problems);
        }

        if (problems.Count > 0)
        {
            return Rejected(problems, policy, defaulted);
        }

        // Step 10: default the families; a dual-stack policy on a dual-stack cluster gets the other family too.
        if (families.Count == 0)
        {
            families.Add(cluster.Primary);
        }

        if (policy != "SingleStack" && families.Count == 1 && cluster.IsDualStack)
        {
            families.Add(Other(families[0]));
        }

        return new AllocationResult([], policy, defaulted, families);
    }

    private static ServiceProblem SingleStackWithTwo(ServiceSpec service, bool defaulted, string what, YamlDotNet.RepresentationModel.YamlNode cause)
    {
        var detail = $"must be 'RequireDualStack' or 'PreferDualStack' when multiple {what} are specified";
        if (defaulted)
        {
            return new(RuleIds.DualStackFieldsOnSingleStackPolicy, cause, PolicyPath,
                ApiError.Invalid("SingleStack", detail) + $" (ipFamilyPolicy is {(service.PolicyKeyNode is null ? "omitted" : "empty")}, so it defaults to SingleStack; {(service.PolicyKeyNode is null ? "add" : "set")} `ipFamilyPolicy: PreferDualStack`)",
                Fix: ServiceFixes.SetPolicy(service, "PreferDualStack"));
        }

        return new(RuleIds.DualStackFieldsOnSingleStackPolicy, service.PolicyNode!, PolicyPath,
            ApiError.Invalid("SingleStack", detail),
            Fix: ServiceFixes.ReplaceScalar(service.Object, service.PolicyNode!, "PreferDualStack"));
    }

    private static void OutsideServiceRange(ServiceSpec service, ClusterModel model, List<ServiceProblem> problems)
    {
        foreach (var ip in service.ClusterIPs)
        {
            if (ip.Value == ServiceSpec.None || !IpParser.TryParseSloppy(ip.Value, out var address))
            {
                continue;
            }

            var ranges = model.ServiceCidrs
                .Select(c => c.Cidr)
                .Where(c => c.Family == address.Family)
                .ToList();
            if (ranges.Count == 0 || ranges.Any(r => IsAllocatable(r, address)))
            {
                continue;
            }

            // allocClusterIPs reports the whole field; the position is the value that failed.
            const string path = "spec.clusterIPs";
            problems.Add(new(RuleIds.FamilyNotAvailableOnCluster, ip.Node, path,
                ApiError.Invalid(service.ClusterIPValues,
                    $"failed to allocate IP {ip.Value}: the provided IP ({ip.Value}) is not in the valid range. The range of valid IPs is {ranges[0]}")));
        }
    }

    // The allocators never hand out the network address, nor the broadcast address of an IPv4 range.
    private static bool IsAllocatable(IpCidr range, IpAddress address) =>
        range.Contains(address) && address != range.Network && !(address.Family == IpFamily.IPv4 && address == range.Last);

    private static AllocationResult Rejected(List<ServiceProblem> problems, string policy, bool defaulted) =>
        new(problems, policy, defaulted, []);

    private static IpFamily Other(IpFamily family) => family == IpFamily.IPv4 ? IpFamily.IPv6 : IpFamily.IPv4;

    private static string TargetNote(IpFamilies cluster) =>
        $" (the target cluster is {(cluster.IsDualStack ? "dual-stack " + cluster : cluster + "-only")})";
}
