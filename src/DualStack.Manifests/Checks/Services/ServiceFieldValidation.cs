using DualStack.Manifests.Yaml;
using DualStack.Rules;
using DualStack.Rules.Net;
using YamlDotNet.RepresentationModel;

namespace DualStack.Manifests.Checks.Services;

/// <summary>
/// The API server's validation of a Service's dual-stack fields on create (spec §2, S1 and S3–S13), in its order:
/// <c>ValidateServiceClusterIPsRelatedFields</c> plus the type-specific checks of <c>ValidateService</c>.
/// IP values are checked with the sloppy (legacy) parser only: the strict layer (leading zeros, IPv4-mapped) is
/// DS2050's, so a value is reported once.
/// </summary>
internal static class ServiceFieldValidation
{
    private const string ClusterIPsPath = "spec.clusterIPs";
    private const string IpFamiliesPath = "spec.ipFamilies";
    private const string PolicyPath = "spec.ipFamilyPolicy";

    public static readonly string[] SupportedPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];

    private static readonly string[] SupportedFamilies = ["IPv4", "IPv6"];

    /// <summary>All problems of the fields <c>ValidateServiceClusterIPsRelatedFields</c> and the type switch look at.</summary>
    public static List<ServiceProblem> Validate(ServiceSpec service)
    {
        var problems = new List<ServiceProblem>();
        RemovedIpFamilyField(service, problems);
        if (service.IsExternalName)
        {
            ExternalName(service, problems);
            return problems;
        }

        ClusterIPsRelatedFields(service, problems);
        HeadlessType(service, problems);
        return problems;
    }

    /// <summary>
    /// True when the fields the allocator re-validates (S2–S12) are valid, so the allocation stage can run.
    /// ExternalName Services never reach allocation.
    /// </summary>
    public static bool RelatedFieldsAreValid(ServiceSpec service)
    {
        if (service.IsExternalName)
        {
            return false;
        }

        var problems = new List<ServiceProblem>();
        ClusterIPsRelatedFields(service, problems);
        return problems.Count == 0;
    }

    // Not validation proper: the singular alpha field of 1.16–1.19 (still in old docs and examples) is unknown since 1.20.
    // kubectl's default strict field validation rejects it; without that it is dropped and the family silently defaulted.
    private static void RemovedIpFamilyField(ServiceSpec service, List<ServiceProblem> problems)
    {
        if (service.Spec.GetKey("ipFamily") is not { } key)
        {
            return;
        }

        var value = service.Spec.Get("ipFamily") as YamlScalarNode;
        TextEdit? fix = null;
        if (service.IpFamiliesNode is null && value?.AsString() is "IPv4" or "IPv6" && key.Style == YamlDotNet.Core.ScalarStyle.Plain &&
            value.Style == YamlDotNet.Core.ScalarStyle.Plain && service.Object.Document.File.Text is { } text)
        {
            // One edit from the key to the end of the value: "ipFamily: IPv6" becomes "ipFamilies: [IPv6]".
            var start = service.Object.Document.SpanOf(key).Start;
            var valueSpan = service.Object.Document.SpanOf(value);
            var between = text.Substring(start + key.Value!.Length, valueSpan.Start - start - key.Value.Length);
            fix = new TextEdit(start, valueSpan.Start + valueSpan.Length - start, $"ipFamilies{between}[{value.Value}]", $"replace ipFamily with ipFamilies: [{value.Value}]");
        }

        problems.Add(new(RuleIds.InvalidIpFamilies, key, "spec.ipFamily",
            "unknown field (the alpha field of Kubernetes 1.16–1.19, replaced by spec.ipFamilies in 1.20): " +
            "kubectl's strict field validation rejects it, and where it is dropped the Service silently gets the cluster's default family" +
            (fix is null ? string.Empty : $"; write `ipFamilies: [{value!.Value}]`"),
            Fix: fix));
    }

    // S1: an ExternalName Service is a DNS alias; it has no cluster IPs, so every family field is forbidden.
    private static void ExternalName(ServiceSpec service, List<ServiceProblem> problems)
    {
        var spec = service.Spec;
        if (service.ClusterIPs.Count > 0)
        {
            var key = service.ClusterIPsFromClusterIP ? Key(spec, "clusterIP") : Key(spec, "clusterIPs");
            var written = service.ClusterIPsFromClusterIP ? "clusterIP" : "clusterIPs";
            problems.Add(new(RuleIds.ExternalNameWithIpFields, key ?? spec, ClusterIPsPath,
                ApiError.Forbidden("may not be set for ExternalName services") +
                $" (remove `{written}`: an ExternalName Service is a DNS alias and has no cluster IP)"));
        }

        if (service.IpFamilies.Count > 0)
        {
            problems.Add(new(RuleIds.ExternalNameWithIpFields, Key(spec, "ipFamilies") ?? spec, IpFamiliesPath,
                ApiError.Forbidden("may not be set for ExternalName services") + " (remove `ipFamilies`)"));
        }

        if (service.Policy is not null)
        {
            problems.Add(new(RuleIds.ExternalNameWithIpFields, Key(spec, "ipFamilyPolicy") ?? spec, PolicyPath,
                ApiError.Forbidden("may not be set for ExternalName services") + " (remove `ipFamilyPolicy`)"));
        }
    }

    private static void ClusterIPsRelatedFields(ServiceSpec service, List<ServiceProblem> problems)
    {
        ClusterIPSync(service, problems);
        IpFamilies(service, problems);
        Policy(service, problems);
        var hasInvalidIPs = ClusterIPValues(service, problems);
        var clusterIPs = service.ClusterIPs;
        if (clusterIPs.Count > 2)
        {
            // S10, reported at the first value beyond the second.
            problems.Add(new(RuleIds.InconsistentClusterIPs, clusterIPs[2].Node, ClusterIPsPath,
                ApiError.Invalid(service.ClusterIPValues, "may only hold up to 2 values") +
                " (one IPv4 and one IPv6 address at most)"));
        }

        // Upstream stops here on any bad IP or misplaced None: the pair and family checks would only repeat the problem.
        if (hasInvalidIPs)
        {
            return;
        }

        DualStackPair(service, problems);
        FamilyMatch(service, problems);
    }

    // S2–S4. S2 (clusterIP set, clusterIPs empty) cannot happen on create: NormalizeClusterIPs fills clusterIPs first.
    private static void ClusterIPSync(ServiceSpec service, List<ServiceProblem> problems)
    {
        if (service.ClusterIPsFromClusterIP || service.ClusterIPs.Count == 0)
        {
            return;
        }

        if (service.ClusterIP.Length > 0)
        {
            var first = service.ClusterIPs[0];
            if (first.Value != service.ClusterIP)
            {
                problems.Add(new(RuleIds.InconsistentClusterIPs, first.Node, ClusterIPsPath,
                    ApiError.Invalid(service.ClusterIPValues, "first value must match `clusterIP`") +
                    $" (clusterIP is {ApiError.Quote(service.ClusterIP)}, clusterIPs[0] is {ApiError.Quote(first.Value)})"));
            }
        }
        else
        {
            problems.Add(new(RuleIds.InconsistentClusterIPs, service.ClusterIPsNode!, ClusterIPsPath,
                ApiError.Invalid(service.ClusterIPValues, "must be empty when `clusterIP` is not specified") +
                $" (also set clusterIP to {ApiError.Quote(service.ClusterIPs[0].Value)})"));
        }
    }

    // S5, S6: each entry exactly IPv4 or IPv6, no repeats (which is what limits the list to two).
    private static void IpFamilies(ServiceSpec service, List<ServiceProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in service.IpFamilies)
        {
            var path = $"{IpFamiliesPath}[{item.Index}]";
            if (Array.IndexOf(SupportedFamilies, item.Value) < 0)
            {
                problems.Add(new(RuleIds.InvalidIpFamilies, item.Node, path, ApiError.NotSupported(item.Value, SupportedFamilies)));
            }

            if (!seen.Add(item.Value))
            {
                problems.Add(new(RuleIds.InvalidIpFamilies, item.Node, path,
                    ApiError.Duplicate(item.Value) + " (ipFamilies holds at most one IPv4 and one IPv6 entry)"));
            }
        }
    }

    // S7: case-sensitive; a wrong case gets a fix to the exact spelling. Null (omitted) is defaulted during allocation.
    private static void Policy(ServiceSpec service, List<ServiceProblem> problems)
    {
        if (service.Policy is not { } policy || service.PolicyNode is not { } node || Array.IndexOf(SupportedPolicies, policy) >= 0)
        {
            return;
        }

        var message = ApiError.NotSupported(policy, SupportedPolicies);
        var spelled = SupportedPolicies.FirstOrDefault(p => string.Equals(p, policy.Trim(), StringComparison.OrdinalIgnoreCase));
        TextEdit? fix = null;
        if (spelled is not null && ServiceFixes.ReplaceScalar(service.Object, node, spelled) is { } edit)
        {
            message += $" (did you mean {ApiError.Quote(spelled)}? values are case-sensitive)";
            fix = edit;
        }

        problems.Add(new(RuleIds.InvalidIpFamilyPolicy, node, PolicyPath, message, Fix: fix));
    }

    // S8, S9: None only alone and first; every other value a valid IP (sloppy parse). Returns true when any failed.
    private static bool ClusterIPValues(ServiceSpec service, List<ServiceProblem> problems)
    {
        var clusterIPs = service.ClusterIPs;
        var hasInvalid = false;
        foreach (var item in clusterIPs)
        {
            if (item.Index == 0 && item.Value == ServiceSpec.None)
            {
                if (clusterIPs.Count > 1)
                {
                    hasInvalid = true;
                    problems.Add(new(RuleIds.InconsistentClusterIPs, item.Node, ClusterIPsPath,
                        ApiError.Invalid(service.ClusterIPValues, "'None' must be the first and only value")));
                }

                continue;
            }

            var parsed = IpParser.ParseIp(item.Value, service.StrictIpValidation);
            if (!parsed.HasValue)
            {
                hasInvalid = true;
                var path = $"{ClusterIPsPath}[{item.Index}]";
                problems.Add(new(RuleIds.InconsistentClusterIPs, item.Node, path, ApiError.Invalid(item.Value, IpMessages.InvalidIp)));
            }
            else if (!parsed.Success)
            {
                // Rejected by the strict layer: DS2050 reports it; like upstream, the pair and family checks stop here.
                hasInvalid = true;
            }
        }

        return hasInvalid;
    }

    // S11: two or more IPs must include one of each family.
    private static void DualStackPair(ServiceSpec service, List<ServiceProblem> problems)
    {
        var clusterIPs = service.ClusterIPs;
        if (clusterIPs.Count < 2)
        {
            return;
        }

        var families = clusterIPs.Select(i => IpParser.TryParseSloppy(i.Value, out var ip) ? ip.Family : (IpFamily?)null).ToList();
        if (!(families.Contains(IpFamily.IPv4) && families.Contains(IpFamily.IPv6)))
        {
            problems.Add(new(RuleIds.InconsistentClusterIPs, clusterIPs[1].Node, ClusterIPsPath,
                ApiError.Invalid(service.ClusterIPValues, "may specify no more than one IP for each IP family") +
                (clusterIPs.Count == 2 ? $" (both are {families[0]})" : $" (none of them is of the other family)")));
        }
    }

    // S12: clusterIPs[i] must be of family ipFamilies[i] (IPv4-mapped IPv6 counts as IPv4, as in k8s.io/utils/net).
    private static void FamilyMatch(ServiceSpec service, List<ServiceProblem> problems)
    {
        if (service.IsHeadless)
        {
            return;
        }

        var count = Math.Min(service.ClusterIPs.Count, service.IpFamilies.Count);
        for (var i = 0; i < count; i++)
        {
            var ip = service.ClusterIPs[i];
            var isIPv6 = IpParser.TryParseSloppy(ip.Value, out var parsed) && parsed.Family == IpFamily.IPv6;
            var family = service.IpFamilies[i].Value;
            string? expected = family switch
            {
                "IPv4" when isIPv6 => "IPv4",
                "IPv6" when !isIPv6 => "IPv6",
                _ => null,
            };
            if (expected is not null)
            {
                var path = $"{ClusterIPsPath}[{i}]";
                problems.Add(new(RuleIds.InconsistentClusterIPs, ip.Node, path,
                    ApiError.Invalid(ip.Value, $"expected an {expected} value as indicated by `ipFamilies[{i}]`")));
            }
        }
    }

    // S13: a headless Service has no virtual IP for node ports or a load balancer to forward to.
    private static void HeadlessType(ServiceSpec service, List<ServiceProblem> problems)
    {
        if (!service.IsHeadless || service.Type is not ("LoadBalancer" or "NodePort"))
        {
            return;
        }

        const string path = ClusterIPsPath + "[0]";
        problems.Add(new(RuleIds.HeadlessWithNodePortOrLoadBalancer, service.ClusterIPs[0].Node, path,
            ApiError.Invalid(ServiceSpec.None, $"may not be set to 'None' for {service.Type} services") +
            $" (remove clusterIP None, or use type ClusterIP for a headless Service)"));
    }

    private static YamlNode? Key(YamlMappingNode spec, string key) => spec.GetKey(key);
}
